import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from './default-policy';
import { applyPolicyOverrides, PolicyValidationError } from './policy-overrides';

function errorsOf(overrides: unknown) {
  try {
    applyPolicyOverrides(overrides);
  } catch (e) {
    if (e instanceof PolicyValidationError) return e.errors;
    throw e;
  }
  throw new Error('expected a PolicyValidationError');
}

describe('policy overrides', () => {
  it('changes only what is given and keeps the version it is given', () => {
    const p = applyPolicyOverrides({
      version: 'acme-2026-03',
      corroborationWindowMin: 15,
      grading: { 'response.trueMedianMin': { floor: 60, target: 10 } },
      categoryWeights: { process: 0 },
    });
    expect(p.version).toBe('acme-2026-03');
    expect(p.corroborationWindowMin).toBe(15);
    expect(p.grading['response.trueMedianMin']).toEqual({ floor: 60, target: 10, weight: 1 });
    expect(p.categoryWeights.process).toBe(0);
    expect(p.clockStopGraceMin).toBe(DEFAULT_POLICY.clockStopGraceMin);
    expect(DEFAULT_POLICY.corroborationWindowMin).toBe(10);
  });

  it('names an unnamed custom policy by its content, stably', () => {
    const a = applyPolicyOverrides({ neglectDays: 5 });
    const b = applyPolicyOverrides({ neglectDays: 5 });
    const c = applyPolicyOverrides({ neglectDays: 6 });
    expect(a.version).toMatch(/^custom-[0-9a-f]{8}$/);
    expect(a.version).toBe(b.version);
    expect(a.version).not.toBe(c.version);
  });

  it('reports every problem with its field', () => {
    expect(
      errorsOf({
        neglectDyas: 5,
        corroborationWindowMin: -1,
        grading: { 'response.fake': null, 'tasks.onTimeRate': { floor: 1, target: 1 } },
        cadence: [{ day: 1, channel: 'fax' }],
        fillerPatterns: ['/(unclosed/'],
        version: 'has spaces',
      }),
    ).toEqual([
      { field: 'neglectDyas', reason: 'is not a policy setting' },
      { field: 'corroborationWindowMin', reason: 'must be a number from 0 to 1440' },
      { field: 'grading.response.fake', reason: 'is not a metric id' },
      { field: 'grading.tasks.onTimeRate', reason: 'floor and target must differ' },
      { field: 'cadence[0].channel', reason: 'must be call, email or text' },
      { field: 'version', reason: 'must be 1–64 letters, digits, ".", "_" or "-"' },
      { field: 'fillerPatterns[0]', reason: 'is not a valid regular expression' },
    ]);
  });

  it('can stop grading a metric', () => {
    expect(
      applyPolicyOverrides({ grading: { 'tasks.onTimeRate': null } }).grading['tasks.onTimeRate'],
    ).toBeNull();
  });
});
