import { loadStoreEvidence } from '@candor/evidence-data-access';
import type { TenantTransaction } from '@candor/platform-database';
import {
  CALENDAR_GRANULARITIES,
  judgedAt,
  type Period,
  periodContaining,
} from '@candor/reports-domain';
import type { StoreEvidence } from '@candor/evidence-domain';
import { type FactCache, gradeIncrementally, type Policy } from '@candor/scoring';
import { coveringSpan, type EvidenceSpan, groupSpans, sliceEvidence } from './evidence-slice';
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
  /** Leads whose facts were computed; the others' came from earlier gradings. */
  recomputedLeads: number;
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

/** What a report of `period` reads: leads from REPORT_LOOKBACK_DAYS before it to its end. */
export function evidenceSpan(period: Period, now: number): EvidenceSpan {
  return {
    from: period.start - LOOKBACK_MS,
    to: period.end,
    activitiesUntil: judgedAt(period, now),
  };
}

/** A refresh loads evidence for at most this long a span at a time. */
const MAX_LOAD_SPAN_MS = 2 * LOOKBACK_MS + 31 * 86_400_000;

interface Grading {
  store: StoreSettingsRow;
  policy: Policy;
  now: number;
  reports: ReportRepository;
}

interface Graded extends SavedReport {
  cache: FactCache;
  recomputedLeads: number;
}

/** Grades one period from its slice of the evidence, reusing the facts of `reuse` that hold. */
async function gradeFromEvidence(
  tx: TenantTransaction,
  evidence: StoreEvidence,
  period: Period,
  g: Grading,
  reuse: readonly FactCache[],
): Promise<Graded> {
  const asOf = judgedAt(period, g.now);
  const graded = gradeIncrementally(
    withStoreSettings(evidence, g.store),
    g.policy,
    { from: period.start, to: period.end, asOf },
    reuse,
  );
  const saved = await g.reports.save(tx, g.store.id, period, asOf, g.policy.version, graded.report);
  return { ...saved, cache: graded.cache, recomputedLeads: graded.recomputed };
}

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
  const loaded = await loadStoreEvidence(tx, store.id, evidenceSpan(period, now));
  if (!loaded) throw new Error(`store ${store.id} vanished while its report was graded`);
  const { report, newFindings, becameFinal } = await gradeFromEvidence(
    tx,
    loaded,
    period,
    { store, policy, now, reports },
    [],
  );
  return { report, newFindings, becameFinal };
}

const periodKey = (p: Pick<Period, 'granularity' | 'start' | 'end'>) =>
  `${p.granularity}:${p.start}:${p.end}`;

/**
 * Brings a store's reports up to date. Takes its leads off the re-grade queue; every stored
 * report that reads such a lead (its period ends after the lead arrived and starts less than
 * REPORT_LOOKBACK_DAYS after) turns stale, and the day, week and month each lead arrived in are
 * graded (created when missing). Then grades every stale calendar report, every one graded under
 * another policy version, and running periods whose report has aged; stale custom windows are
 * graded when next read. The evidence is loaded once for all of them (in spans of at most
 * MAX_LOAD_SPAN_MS) and sliced per period; periods judged at the same moment share the facts
 * of every lead linked to the same records. Runs in one tenant transaction, so a failure leaves
 * the queue as it was.
 */
export async function refreshStore(
  tx: TenantTransaction,
  storeId: string,
  options: RefreshOptions,
  reports = new ReportRepository(),
): Promise<StoreRefresh> {
  const [store] = await loadStoreSettings(tx, [storeId]);
  if (!store) return { storeId, leads: 0, saved: [], recomputedLeads: 0 };
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
  // In order of the moment each is judged at: periods judged at the same moment (the running
  // day, week and month; a week and its Sunday) share their leads' facts.
  const ordered = [...periods.values()]
    .filter((p) => p.granularity !== 'custom')
    .map((period) => ({ period, span: evidenceSpan(period, options.now) }))
    .sort(
      (x, y) => x.span.activitiesUntil - y.span.activitiesUntil || x.period.start - y.period.start,
    );
  const g: Grading = { store, policy, now: options.now, reports };
  const saved: SavedReport[] = [];
  let recomputedLeads = 0;
  let sameMoment: { asOf: number; caches: FactCache[] } = { asOf: -1, caches: [] };
  for (const group of groupSpans(ordered, MAX_LOAD_SPAN_MS)) {
    const loaded = await loadStoreEvidence(tx, storeId, coveringSpan(group.map((i) => i.span)));
    if (!loaded) break;
    for (const { period, span } of group) {
      if (sameMoment.asOf !== span.activitiesUntil) {
        sameMoment = { asOf: span.activitiesUntil, caches: [] };
      }
      const {
        cache,
        recomputedLeads: n,
        ...one
      } = await gradeFromEvidence(tx, sliceEvidence(loaded, span), period, g, sameMoment.caches);
      sameMoment.caches.push(cache);
      recomputedLeads += n;
      saved.push(one);
    }
  }
  return { storeId, leads: queued.length, saved, recomputedLeads };
}
