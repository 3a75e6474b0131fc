export { EvidenceModule, EVIDENCE_RESOLVERS } from './lib/evidence.module';
export { ImportService, MAX_REJECTIONS_RETURNED, type UploadedFile } from './lib/import.service';
export { EvidenceException } from './lib/evidence.exception';
