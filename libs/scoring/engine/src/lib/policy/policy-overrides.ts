import { CHANNELS, LEAD_KINDS } from '@candor/evidence-domain';
import { DEFAULT_POLICY } from './default-policy';
import { CATEGORIES, METRIC_IDS, type MetricId } from './metric-ids';
import type { CadenceStep, MetricGrading, Policy } from './policy';

export interface PolicyError {
  field: string;
  reason: string;
}

export class PolicyValidationError extends Error {
  constructor(readonly errors: PolicyError[]) {
    super(`Invalid policy:\n${errors.map((e) => `  - ${e.field}: ${e.reason}`).join('\n')}`);
    this.name = 'PolicyValidationError';
  }
}

type Check = (value: unknown, field: string, errors: PolicyError[]) => unknown;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const number =
  (min: number, max = Number.MAX_SAFE_INTEGER): Check =>
  (v, field, errors) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
      errors.push({ field, reason: `must be a number from ${min} to ${max}` });
    }
    return v;
  };

const stringList: Check = (v, field, errors) => {
  if (!Array.isArray(v) || !v.every((s) => typeof s === 'string')) {
    errors.push({ field, reason: 'must be a list of strings' });
  }
  return Array.isArray(v) ? v.map((s) => (typeof s === 'string' ? s.trim().toLowerCase() : s)) : v;
};

const SCALARS: Partial<Record<keyof Policy, Check>> = {
  corroborationWindowMin: number(0, 1440),
  clockStopGraceMin: number(0, 1440),
  connectedMinSec: number(0, 3600),
  taskGraceMin: number(0, 10080),
  minAttemptsBeforeClose: number(0, 100),
  minDaysBeforeClose: number(0, 365),
  neglectDays: number(1, 365),
  substantiveNoteMinChars: number(1, 10000),
  arrivalWindowMin: number(0, 720),
  agentDailyTaskCapacity: number(1, 10000),
  exemptCloseReasons: stringList,
  fillerPatterns: stringList,
  personalDetailLexicon: stringList,
  freeMailDomains: stringList,
  voicemailRequiresCallback: (v, field, errors) => {
    if (typeof v !== 'boolean') errors.push({ field, reason: 'must be true or false' });
    return v;
  },
};

function checkGrading(v: unknown, field: string, errors: PolicyError[]): MetricGrading | null {
  if (v === null) return null;
  if (!isObject(v)) {
    errors.push({ field, reason: 'must be null (not graded) or { floor, target, weight }' });
    return null;
  }
  const before = errors.length;
  number(-1e9, 1e9)(v['floor'], `${field}.floor`, errors);
  number(-1e9, 1e9)(v['target'], `${field}.target`, errors);
  if (v['weight'] !== undefined) number(0, 1000)(v['weight'], `${field}.weight`, errors);
  if (errors.length === before && v['floor'] === v['target']) {
    errors.push({ field, reason: 'floor and target must differ' });
  }
  const grading: MetricGrading = {
    floor: v['floor'] as number,
    target: v['target'] as number,
    weight: (v['weight'] as number | undefined) ?? 1,
  };
  if (v['absolute'] === true) grading.absolute = true;
  return grading;
}

function checkCadence(v: unknown, field: string, errors: PolicyError[]): CadenceStep[] {
  if (!Array.isArray(v)) {
    errors.push({ field, reason: 'must be a list of { day, channel } steps' });
    return [];
  }
  return v.map((step: unknown, i) => {
    const at = `${field}[${i}]`;
    if (!isObject(step)) {
      errors.push({ field: at, reason: 'must be { day, channel }' });
      return { day: 0, channel: 'call' };
    }
    number(0, 365)(step['day'], `${at}.day`, errors);
    const channel = step['channel'];
    if (channel !== 'call' && channel !== 'email' && channel !== 'text') {
      errors.push({ field: `${at}.channel`, reason: 'must be call, email or text' });
    }
    return { day: step['day'] as number, channel: channel as CadenceStep['channel'] };
  });
}

/** A short, stable name for a policy's content, so custom policies are versioned too. */
function contentVersion(policy: Omit<Policy, 'version'>): string {
  let hash = 0x811c9dc5;
  for (const ch of JSON.stringify(policy)) {
    hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  }
  return `custom-${hash.toString(16).padStart(8, '0')}`;
}

/**
 * Applies overrides (e.g. a policy.json) to a base policy. Every problem is reported with the
 * field it concerns; unknown settings are errors, so a typo never silently does nothing.
 */
export function applyPolicyOverrides(overrides: unknown, base: Policy = DEFAULT_POLICY): Policy {
  const errors: PolicyError[] = [];
  if (!isObject(overrides))
    throw new PolicyValidationError([{ field: '(policy)', reason: 'must be a JSON object' }]);
  const policy: Policy = structuredClone(base);
  const writable = policy as unknown as Record<string, unknown>;
  let version: string | undefined;

  for (const [key, value] of Object.entries(overrides)) {
    if (key === 'version') {
      if (typeof value !== 'string' || !/^[A-Za-z0-9._-]{1,64}$/.test(value)) {
        errors.push({ field: 'version', reason: 'must be 1–64 letters, digits, ".", "_" or "-"' });
      } else version = value;
    } else if (key === 'grading') {
      if (!isObject(value)) {
        errors.push({ field: 'grading', reason: 'must be an object keyed by metric id' });
        continue;
      }
      for (const [metric, grading] of Object.entries(value)) {
        if (!(METRIC_IDS as readonly string[]).includes(metric)) {
          errors.push({ field: `grading.${metric}`, reason: 'is not a metric id' });
        } else {
          policy.grading[metric as MetricId] = checkGrading(grading, `grading.${metric}`, errors);
        }
      }
    } else if (key === 'categoryWeights') {
      if (!isObject(value)) {
        errors.push({ field: key, reason: 'must be an object keyed by category' });
        continue;
      }
      for (const [category, weight] of Object.entries(value)) {
        if (!(CATEGORIES as readonly string[]).includes(category)) {
          errors.push({
            field: `categoryWeights.${category}`,
            reason: `is not a category (${CATEGORIES.join(', ')})`,
          });
        } else {
          number(0, 1000)(weight, `categoryWeights.${category}`, errors);
          policy.categoryWeights[category as keyof Policy['categoryWeights']] = weight as number;
        }
      }
    } else if (key === 'cadence') {
      policy.cadence = checkCadence(value, 'cadence', errors);
    } else if (key === 'gradedLeadKinds') {
      if (
        !Array.isArray(value) ||
        !value.every((k) => (LEAD_KINDS as readonly unknown[]).includes(k))
      ) {
        errors.push({ field: key, reason: `must be a list of ${LEAD_KINDS.join(', ')}` });
      } else policy.gradedLeadKinds = value as Policy['gradedLeadKinds'];
    } else if (SCALARS[key as keyof Policy]) {
      writable[key] = SCALARS[key as keyof Policy]!(value, key, errors);
    } else {
      errors.push({ field: key, reason: 'is not a policy setting' });
    }
  }
  for (const [i, pattern] of policy.fillerPatterns.entries()) {
    if (pattern.length > 2 && pattern.startsWith('/') && pattern.endsWith('/')) {
      try {
        new RegExp(pattern.slice(1, -1));
      } catch {
        errors.push({ field: `fillerPatterns[${i}]`, reason: 'is not a valid regular expression' });
      }
    }
  }
  if (errors.length > 0) throw new PolicyValidationError(errors);
  const { version: _ignored, ...content } = policy;
  policy.version = version ?? contentVersion(content);
  return policy;
}

/** Channels a cadence step may name (re-exported for documentation and UIs). */
export const CADENCE_CHANNELS = CHANNELS.filter(
  (c) => c === 'call' || c === 'email' || c === 'text',
);
