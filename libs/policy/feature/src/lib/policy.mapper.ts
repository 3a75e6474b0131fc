import { encodeId } from '@candor/platform-graphql';
import type { PolicyVersion as SavedVersion, ResolvedPolicy } from '@candor/policy-data-access';
import { DEFAULT_POLICY, METRIC_CATEGORY, METRIC_IDS } from '@candor/scoring';
import type { GradingPolicy } from './models/grading-policy.model';
import type { PolicyVersion } from './models/policy-version.model';

export const STORE_ID_TYPE = 'Store';
export const POLICY_VERSION_ID_TYPE = 'PolicyVersion';

export function toVersionModel(v: SavedVersion): PolicyVersion {
  return {
    id: encodeId(POLICY_VERSION_ID_TYPE, v.id),
    storeId: v.storeId === null ? null : encodeId(STORE_ID_TYPE, v.storeId),
    number: v.number,
    label: v.label,
    overrides: v.overrides,
    note: v.note,
    createdBy: encodeId('User', v.createdBy),
    createdAt: v.createdAt,
  };
}

/** The policy of a level; `storeId` null is the consultancy-wide one. */
export function toPolicyModel(resolved: ResolvedPolicy, storeId: string | null): GradingPolicy {
  const { version, grading, cadence, categoryWeights, ...settings } = resolved.policy;
  const level = storeId === null ? resolved.consultancyVersion : resolved.storeVersion;
  return {
    ...settings,
    version,
    defaultVersion: DEFAULT_POLICY.version,
    storeId: storeId === null ? null : encodeId(STORE_ID_TYPE, storeId),
    basedOn: resolved.basedOn.map(toVersionModel),
    overrides: level?.overrides ?? {},
    cadence: cadence.map((step) => ({ day: step.day, channel: step.channel })),
    categoryWeights: { ...categoryWeights },
    grading: METRIC_IDS.map((metricId) => {
      const g = grading[metricId];
      return {
        metricId,
        category: METRIC_CATEGORY[metricId],
        graded: g !== null,
        floor: g?.floor ?? null,
        target: g?.target ?? null,
        weight: g?.weight ?? null,
        absolute: g?.absolute === true,
      };
    }),
  };
}
