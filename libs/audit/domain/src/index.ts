export {
  GENESIS_HASH,
  auditHash,
  canonicalJson,
  findChainBreak,
  redactSecrets,
  type AuditRecord,
  type ChainBreak,
} from './lib/audit-chain';
