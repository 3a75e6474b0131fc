import { Module } from '@nestjs/common';
import { ImportResolver } from './import.resolver';
import { ImportService } from './import.service';

/** Resolvers of this feature; the API's schema printer builds the schema from these lists. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const EVIDENCE_RESOLVERS: Function[] = [ImportResolver];

@Module({
  providers: [ImportResolver, ImportService],
  exports: [ImportService],
})
export class EvidenceModule {}
