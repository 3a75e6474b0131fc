import { encodeId, encodeKeyId } from '@candor/platform-graphql';
import type { StoredFinding } from '@candor/reports-data-access';
import { publishWebhookEvent } from '@candor/webhooks-data-access';
import type { RefreshListener } from './reports-refresh.job';

const store = (id: string) => encodeId('Store', id);

function findingData(f: StoredFinding, periodLabel: string) {
  return {
    findingId: encodeKeyId('Finding', [f.reportId, f.key]),
    storeId: store(f.storeId),
    period: periodLabel,
    metricId: f.metricId,
    severity: f.severity,
    leadId: f.leadId ?? null,
    userId: f.userId ?? null,
    eventIds: f.eventIds,
    message: f.message,
  };
}

/**
 * Outbound webhooks for what a refresh changed, published in its transaction (they are queued
 * only if it commits):
 * - `report.ready` when a calendar report became final (its period is over and judged at its end);
 * - `finding.created` for each new high-severity finding, and `lead.neglected` for each new
 *   neglect finding, both taken from the month reports only: every lead's findings appear in its
 *   day, week and month, and one event per finding is what a receiver wants.
 */
export const publishReportEvents: RefreshListener = async (tx, refresh) => {
  for (const saved of refresh.saved) {
    const r = saved.report;
    if (saved.becameFinal && r.granularity !== 'custom') {
      await publishWebhookEvent(tx, {
        type: 'report.ready',
        storeId: r.storeId,
        data: {
          reportId: encodeId('StoreScorecard', r.id),
          storeId: store(r.storeId),
          granularity: r.granularity,
          period: r.label,
          start: r.periodStart.toISOString(),
          end: r.periodEnd.toISOString(),
          overall: { score: r.overallScore, letter: r.letter },
          policyVersion: r.policyVersion,
          findingCount: r.findingCount,
        },
      });
    }
    if (r.granularity !== 'month') continue;
    for (const f of saved.newFindings) {
      if (f.severity === 'high') {
        await publishWebhookEvent(tx, {
          type: 'finding.created',
          storeId: r.storeId,
          data: findingData(f, r.label),
        });
      }
      if (f.metricId === 'persistence.neglectedRate' && f.leadId) {
        await publishWebhookEvent(tx, {
          type: 'lead.neglected',
          storeId: r.storeId,
          data: {
            ...findingData(f, r.label),
            leadGlobalId: encodeKeyId('Lead', [r.storeId, f.leadId]),
          },
        });
      }
    }
  }
};
