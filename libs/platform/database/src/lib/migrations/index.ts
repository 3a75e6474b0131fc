import { AppRole1763900000000 } from './1763900000000-app-role';
import { Tenancy1763900000100 } from './1763900000100-tenancy';
import { Identity1763900000200 } from './1763900000200-identity';
import { Audit1763900000300 } from './1763900000300-audit';
import { Evidence1763900000400 } from './1763900000400-evidence';
import { Ingestion1763900000500 } from './1763900000500-ingestion';
import { Connectors1763900000600 } from './1763900000600-connectors';
import { Reports1763900000700 } from './1763900000700-reports';
import { Policies1763900000800 } from './1763900000800-policies';
import { Webhooks1763900000900 } from './1763900000900-webhooks';
import { TenantChanges1763900001000 } from './1763900001000-tenant-changes';
import { EvidenceKeyCollation1763900001100 } from './1763900001100-evidence-key-collation';
import { EvidenceWithoutContentHash1763900001200 } from './1763900001200-evidence-without-content-hash';
import { EvidenceKeyOrder1763900001300 } from './1763900001300-evidence-key-order';
import { EvidencePolicyInitplan1763900001400 } from './1763900001400-evidence-policy-initplan';
import { EvidenceCompactRecords1763900001500 } from './1763900001500-evidence-compact-records';

/** Every migration, oldest first. A new migration is appended here after review. */
export const MIGRATIONS = [
  AppRole1763900000000,
  Tenancy1763900000100,
  Identity1763900000200,
  Audit1763900000300,
  Evidence1763900000400,
  Ingestion1763900000500,
  Connectors1763900000600,
  Reports1763900000700,
  Policies1763900000800,
  Webhooks1763900000900,
  TenantChanges1763900001000,
  EvidenceKeyCollation1763900001100,
  EvidenceWithoutContentHash1763900001200,
  EvidenceKeyOrder1763900001300,
  EvidencePolicyInitplan1763900001400,
  EvidenceCompactRecords1763900001500,
];
