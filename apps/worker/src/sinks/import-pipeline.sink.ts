import type { DataSource } from 'typeorm';
import type { EvidenceRecord } from '@candor/evidence-domain';
import { importRecords } from '@candor/evidence-data-access';
import type { TenantScope } from '@candor/platform-database';
import type { EvidenceSink, SinkPage, SinkResult } from '../ports/evidence-sink.port';

/** External ids of the leads a page's records belong to (a lead, or a record naming one). */
export function leadIdsOf(records: readonly EvidenceRecord[]): string[] {
  const ids = new Set<string>();
  for (const r of records) {
    if (r.type === 'lead') ids.add(r.id);
    else if (r.type !== 'store' && r.type !== 'user' && r.leadId !== null) ids.add(r.leadId);
  }
  return [...ids].sort();
}

/** The EvidenceSink over the ingestion pipeline's `importRecords` (one import run per page). */
export function importPipelineSink(ds: DataSource): EvidenceSink {
  return {
    async importPage(scope: TenantScope, page: SinkPage): Promise<SinkResult> {
      const report = await importRecords(ds, scope, {
        store: page.storeId,
        source: page.source,
        kind: 'sync',
        records: page.records,
        rawPayload: {
          bytes: Buffer.from(page.raw, 'utf8'),
          contentType: 'text/plain; charset=utf-8',
        },
        rejected: page.rejected.map((issue, i) => ({
          line: i + 1,
          field: issue.field ?? '(record)',
          reason: `${issue.location}: ${issue.reason}`,
        })),
      });
      return {
        accepted: report.accepted + report.updated,
        duplicates: report.duplicate,
        rejected: report.rejected,
        affectedLeadIds: report.accepted + report.updated > 0 ? leadIdsOf(page.records) : [],
      };
    },
  };
}
