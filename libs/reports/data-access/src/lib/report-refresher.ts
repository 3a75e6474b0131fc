import { loadStoreEvidence } from '@candor/evidence-data-access';
import type { TenantTransaction } from '@candor/platform-database';
import {
  CALENDAR_GRANULARITIES,
  judgedAt,
  type Period,
  periodContaining,
} from '@candor/reports-domain';
import { gradeStore, type Policy } from '@candor/scoring';
import {
  loadStoreSettings,
  type StoreSettingsRow,
  withStoreSettings,
} from './graded-store-profile';
import { ReportRepository } from './report.repository';
import type { SavedReport } from './stored-report';

/** The policy a store is graded with (versioned per consultancy and store). */
export type PolicyProvider = (tx: TenantTransaction, storeId: string) => Promise<Policy>;

export interface RefreshOptions {
  now: number;
  policyFor: PolicyProvider;
  /** Running periods are graded again when their report is older than this. Default 15. */
  runningMinutes?: number;
}

export interface StoreRefresh {
  storeId: string;
  /** Leads taken off the re-grade queue. */
  leads: number;
  saved: SavedReport[];
}

export const DEFAULT_RUNNING_MINUTES = 15;

/**
 * How far before a period its report reads leads. Event-level metrics (calls, claims and
 * e-mails made in the period, tasks due in it, closures, appointments starting in it) count
 * events of older leads too, as `candor grade` over a whole bundle does; reading every lead a
 * store ever had for each day's report would not scale, and 90 days covers any follow-up
 * cadence (the same horizon identity resolution links activities within). Older leads are not
 * seen: an open overdue task of a lead older than that is not counted in tasks.overdueCount.
 */
export const REPORT_LOOKBACK_DAYS = 90;
const LOOKBACK_MS = REPORT_LOOKBACK_DAYS * 86_400_000;

/**
 * Grades one store × period from the stored evidence and saves it as that period's report,
 * judged as of the period's end, or now while it runs. It reads the leads received from
 * REPORT_LOOKBACK_DAYS before the period to its end with all their evidence, and the activities
 * without a lead of that span up to the moment it is judged at (the engine links those by
 * phone and address): the report is what `candor grade --from --to` prints for that evidence.
 */
export async function gradePeriod(
  tx: TenantTransaction,
  store: StoreSettingsRow,
  period: Period,
  policy: Policy,
  now: number,
  reports = new ReportRepository(),
): Promise<SavedReport> {
  const asOf = judgedAt(period, now);
  const loaded = await loadStoreEvidence(tx, store.id, {
    from: period.start - LOOKBACK_MS,
    to: period.end,
    activitiesUntil: asOf,
  });
  if (!loaded) throw new Error(`store ${store.id} vanished while its report was graded`);
  const report = gradeStore(withStoreSettings(loaded, store), policy, {
    from: period.start,
    to: period.end,
    asOf,
  });
  return reports.save(tx, store.id, period, asOf, policy.version, report);
}

const periodKey = (p: Pick<Period, 'granularity' | 'start' | 'end'>) =>
  `${p.granularity}:${p.start}:${p.end}`;

/**
 * Brings a store's reports up to date. Takes its leads off the re-grade queue; every stored
 * report that reads such a lead (its period ends after the lead arrived and starts less than
 * REPORT_LOOKBACK_DAYS after) turns stale, and the day, week and month each lead arrived in are
 * graded (created when missing). Then grades every stale calendar report, every one graded under
 * another policy version, and running periods whose report has aged; stale custom windows are
 * graded when next read. Runs in one tenant transaction, so a failure leaves the queue as it was.
 */
export async function refreshStore(
  tx: TenantTransaction,
  storeId: string,
  options: RefreshOptions,
  reports = new ReportRepository(),
): Promise<StoreRefresh> {
  const [store] = await loadStoreSettings(tx, [storeId]);
  if (!store) return { storeId, leads: 0, saved: [] };
  const queued = await tx.query<{ lead_external_id: string }>(
    `DELETE FROM lead_regrade_queue WHERE consultancy_id = $1 AND store_id = $2
     RETURNING lead_external_id`,
    [tx.consultancyId, storeId],
  );
  const arrivals = await tx.query<{ at: Date }>(
    `SELECT DISTINCT received_at AS at FROM evidence_lead
     WHERE consultancy_id = $1 AND store_id = $2 AND external_id = ANY($3::text[])`,
    [tx.consultancyId, storeId, queued.map((q) => q.lead_external_id)],
  );
  const periods = new Map<string, Period>();
  const add = (p: Period) => periods.set(periodKey(p), p);
  const instants = arrivals.map((a) => a.at.getTime());
  for (const instant of instants) {
    for (const g of CALENDAR_GRANULARITIES) add(periodContaining(g, instant, store.timeZone));
  }
  await reports.markStaleAfter(tx, storeId, instants, LOOKBACK_MS);
  const policy = await options.policyFor(tx, storeId);
  const running = options.runningMinutes ?? DEFAULT_RUNNING_MINUTES;
  for (const due of await reports.due(tx, storeId, running, policy.version)) {
    add({
      granularity: due.granularity,
      start: due.periodStart.getTime(),
      end: due.periodEnd.getTime(),
      label: due.label,
    });
  }
  const saved: SavedReport[] = [];
  const ordered = [...periods.values()].sort((a, b) => a.start - b.start || a.end - b.end);
  for (const period of ordered) {
    if (period.granularity === 'custom') continue;
    saved.push(await gradePeriod(tx, store, period, policy, options.now, reports));
  }
  return { storeId, leads: queued.length, saved };
}
