import type { StoreEvidence } from '@candor/evidence-domain';
import type { MetricId } from '../policy/metric-ids';
import type { RawMetric } from '../metrics/metric-scope';

export type Source = 'crm' | 'telephony' | 'email' | 'text';

/** Which evidence sources a store's bundle contains (over all its evidence, not the window). */
export function sourcesOf(evidence: StoreEvidence): Set<Source> {
  const sources = new Set<Source>();
  for (const a of evidence.activities) {
    if (a.evidence === 'claimed') sources.add('crm');
    else if (a.channel === 'call') sources.add('telephony');
    else if (a.channel === 'email') sources.add('email');
    else if (a.channel === 'text') sources.add('text');
  }
  if (
    evidence.tasks.length +
      evidence.notes.length +
      evidence.statuses.length +
      evidence.appointments.length >
    0
  ) {
    sources.add('crm');
  }
  return sources;
}

const RECORDED = ['telephony', 'email', 'text'] as const;

/**
 * What each metric needs to mean anything. Without a phone system there are no recorded calls,
 * and "0% verified" would blame the store for a missing connector: such metrics are null and
 * the coverage names the missing source instead.
 */
const NEEDS: Partial<Record<MetricId, { all?: Source[]; any?: readonly Source[] }>> = {
  'response.trueMedianMin': { any: RECORDED },
  'response.trueP90Min': { any: RECORDED },
  'response.crmMedianMin': { all: ['crm'] },
  'response.within15Rate': { any: RECORDED },
  'response.noResponse24hRate': { any: RECORDED },
  'clockStop.rate': { all: ['crm'], any: RECORDED },
  'clockStop.medianGapMin': { all: ['crm'], any: RECORDED },
  'clockStop.fillerShare': { all: ['crm'], any: RECORDED },
  'calls.verificationRate': { all: ['crm', 'telephony'] },
  'calls.offSystemRate': { all: ['telephony'] },
  'email.personalDomainRate': { any: ['email', 'crm'] },
  'voicemail.recognizableRate': { all: ['telephony'] },
  'tasks.overdueCount': { all: ['crm'] },
  'tasks.overdueRate': { all: ['crm'] },
  'tasks.onTimeRate': { all: ['crm'] },
  'tasks.uncorroboratedRate': { all: ['crm'], any: RECORDED },
  'tasks.cherryPickIndex': { all: ['crm'] },
  'notes.substantiveRate': { all: ['crm'] },
  'notes.personalDetailRate': { all: ['crm'] },
  'persistence.medianAttempts7d': { any: RECORDED },
  'persistence.prematureCloseRate': { all: ['crm'], any: RECORDED },
  'persistence.neglectedRate': { any: RECORDED },
  'persistence.neverContactedRate': { any: RECORDED },
  'timing.arrivalWindowShare': { all: ['telephony'] },
  'timing.arrivalWindowConnectRate': { all: ['telephony'] },
  'timing.otherConnectRate': { all: ['telephony'] },
  'appointments.setRate': { all: ['crm'] },
  'appointments.confirmedRate': { all: ['crm'] },
  'appointments.showRate': { all: ['crm'] },
  'appointments.soldFromShowRate': { all: ['crm'] },
  'process.cadenceCompliance': { any: RECORDED },
  'process.tasksPerAgentDay': { all: ['crm'] },
};

/** The sources a metric lacks (empty: computable from what the bundle has). */
export function missingSources(id: MetricId, present: ReadonlySet<Source>): Source[] {
  const need = NEEDS[id];
  if (!need) return [];
  const missing = (need.all ?? []).filter((s) => !present.has(s));
  if (need.any && !need.any.some((s) => present.has(s))) missing.push(...need.any);
  return missing;
}

/** Blanks metrics whose sources are missing; returns which ones and why. */
export function applyCoverage(
  raw: Map<MetricId, RawMetric>,
  present: ReadonlySet<Source>,
): Partial<Record<MetricId, string[]>> {
  const report: Partial<Record<MetricId, string[]>> = {};
  for (const [id, metric] of raw) {
    const missing = missingSources(id, present);
    if (missing.length === 0) continue;
    report[id] = missing;
    raw.set(id, {
      ...metric,
      value: null,
      ...(metric.wallClockValue !== undefined ? { wallClockValue: null } : {}),
    });
  }
  return report;
}
