export { EvidenceModule, EVIDENCE_RESOLVERS } from './lib/evidence.module';
