import { groupByStore } from '@candor/evidence-domain';
import type { AgentReport, Category, MetricId, StoreReport } from '@candor/scoring';
import { METRIC_CATEGORY, grade } from '@candor/scoring';
import { describe, expect, it } from 'vitest';
import type { Habit, PlantedHabit } from './agent-habits';
import { demoManifest, generateDemoEvidence } from './demo-evidence';
import type { DemoOptions } from './demo-options';

/**
 * The product promise behind the demo: graded by the real engine, every planted habit shows up
 * on the agent who has it and not on the diligent ones. Thresholds leave margin around values
 * measured for this bundle and for seeds 1–7 of the same size (2 stores × 90 days):
 *
 * | metric                            | habit agent | diligent agents |
 * | --------------------------------- | ----------- | --------------- |
 * | clockStop.rate                    | 0.71–0.88   | 0               |
 * | email.personalDomainRate          | 0.72–0.78   | 0               |
 * | calls.offSystemRate               | 0.71–0.78   | 0               |
 * | voicemail.recognizableRate        | 0.07–0.15   | 0.97–1.00       |
 * | persistence.prematureCloseRate    | 0.92–0.99   | 0               |
 * | tasks.cherryPickIndex             | 0.65–0.76   | −0.02…0.03      |
 * | tasks.onTimeRate                  |             | 0.95–0.97       |
 * | persistence.neglectedRate         |             | 0               |
 * | calls.verificationRate            |             | 0.97–0.99       |
 *
 * Diligent agents score 8.7–16.8 points above the best habit agent of their store; the clock
 * stopper draws 84–92% of a store's clock-stop findings.
 */
const OPTIONS: DemoOptions = { stores: 2, days: 90, seed: 20261102 };
const manifest = demoManifest(OPTIONS);
const { from, to } = manifest.window;
const report = grade(groupByStore(generateDemoEvidence(OPTIONS)).values(), {
  window: { from, to, asOf: to },
});

/** Each habit's own metric: the one a consultant would show the dealer. */
const HABIT_METRIC: Record<PlantedHabit, MetricId> = {
  clock_stopper: 'clockStop.rate',
  personal_email: 'email.personalDomainRate',
  cell_phone: 'calls.offSystemRate',
  vague_voicemail: 'voicemail.recognizableRate',
  lead_flipper: 'persistence.prematureCloseRate',
  cherry_picker: 'tasks.cherryPickIndex',
};

function agentsWith(store: StoreReport, habit: Habit): AgentReport[] {
  const ids = manifest.agents
    .filter((a) => a.storeId === store.storeId && a.habit === habit)
    .map((a) => a.userId);
  const agents = store.agents.filter((a) => ids.includes(a.userId));
  expect(agents, `${habit} at ${store.storeId}`).toHaveLength(ids.length);
  return agents;
}

function only(store: StoreReport, habit: PlantedHabit): AgentReport {
  const [agent] = agentsWith(store, habit);
  if (!agent) throw new Error(`no ${habit} at ${store.storeId}`);
  return agent;
}

/** A metric's value, insisting on enough data that a threshold means something. */
function value(agent: AgentReport, id: MetricId, minN = 20): number {
  const metric = agent.metrics[id];
  expect(metric.n, `${id} of ${agent.userId}: n`).toBeGreaterThanOrEqual(minN);
  if (metric.value === null) throw new Error(`${id} of ${agent.userId} has no value`);
  return metric.value;
}

function lowestSubscore(agent: AgentReport): number {
  const scores = Object.values(agent.metrics)
    .map((m) => m.subscore)
    .filter((s): s is number => s !== null && s !== undefined);
  return Math.min(...scores);
}

/** The agent's categories from worst to best score. */
function categoriesWorstFirst(agent: AgentReport): Category[] {
  return (Object.entries(agent.categories) as [Category, { score: number | null }][])
    .filter(([, c]) => c.score !== null)
    .sort((a, b) => (a[1].score ?? 0) - (b[1].score ?? 0))
    .map(([category]) => category);
}

it('grades both stores of the bundle, each with every habit and one or two diligent agents', () => {
  expect(report.stores.map((s) => s.storeId).sort()).toEqual(
    manifest.stores.map((s) => s.storeId).sort(),
  );
});

describe.each(report.stores.map((store) => [store.storeId, store] as const))(
  'the engine finds the planted habits at %s',
  (_, store) => {
    const diligent = agentsWith(store, 'diligent');

    it('clock stopper: most first responses are uncorroborated ticks; none of the diligent agents’ are', () => {
      const stopper = only(store, 'clock_stopper');
      expect(value(stopper, 'clockStop.rate')).toBeGreaterThanOrEqual(0.5);
      for (const d of diligent) expect(value(d, 'clockStop.rate')).toBeLessThanOrEqual(0.05);
      // The findings a consultant shows point at the clock stopper far more than anyone else.
      const byAgent = new Map<string, number>();
      for (const f of store.findings) {
        if (f.metricId === 'clockStop.rate' && f.userId) {
          byAgent.set(f.userId, (byAgent.get(f.userId) ?? 0) + 1);
        }
      }
      const total = [...byAgent.values()].reduce((a, b) => a + b, 0);
      const own = byAgent.get(stopper.userId) ?? 0;
      for (const [userId, n] of byAgent) if (userId !== stopper.userId) expect(n).toBeLessThan(own);
      expect(own / total).toBeGreaterThanOrEqual(0.6);
    });

    it('personal e-mail: most customer e-mails leave from a free-mail address; diligent agents never', () => {
      expect(
        value(only(store, 'personal_email'), 'email.personalDomainRate'),
      ).toBeGreaterThanOrEqual(0.5);
      for (const d of diligent) expect(value(d, 'email.personalDomainRate')).toBe(0);
    });

    it('cell phone: most recorded calls come from a number that is not a store line; diligent agents never', () => {
      expect(value(only(store, 'cell_phone'), 'calls.offSystemRate')).toBeGreaterThanOrEqual(0.5);
      for (const d of diligent) expect(value(d, 'calls.offSystemRate')).toBe(0);
    });

    it('vague voicemail: few voicemails name the agent and the store; nearly all diligent ones do', () => {
      const vague = only(store, 'vague_voicemail');
      expect(value(vague, 'voicemail.recognizableRate')).toBeLessThanOrEqual(0.3);
      for (const d of diligent) {
        expect(value(d, 'voicemail.recognizableRate')).toBeGreaterThanOrEqual(0.9);
      }
    });

    it('lead flipper: most closures are premature; diligent agents close only dead leads', () => {
      const flipper = only(store, 'lead_flipper');
      expect(value(flipper, 'persistence.prematureCloseRate')).toBeGreaterThanOrEqual(0.6);
      for (const d of diligent) {
        expect(value(d, 'persistence.prematureCloseRate', 10)).toBeLessThanOrEqual(0.1);
      }
    });

    it('cherry picker: e-mail and text tasks get done, call tasks do not; with a finding naming them', () => {
      const picker = only(store, 'cherry_picker');
      expect(value(picker, 'tasks.cherryPickIndex')).toBeGreaterThanOrEqual(0.4);
      for (const d of diligent) {
        expect(Math.abs(value(d, 'tasks.cherryPickIndex'))).toBeLessThanOrEqual(0.1);
      }
      const findings = store.findings.filter((f) => f.metricId === 'tasks.cherryPickIndex');
      expect(findings.map((f) => f.userId)).toContain(picker.userId);
    });

    it('diligent agents: the best overall scores, tasks on time, no neglected leads, calls verified', () => {
      const habitScores = (Object.keys(HABIT_METRIC) as PlantedHabit[]).map(
        (habit) => only(store, habit).overall.score ?? 0,
      );
      for (const d of diligent) {
        expect(d.overall.score ?? 0).toBeGreaterThan(Math.max(...habitScores));
        expect(value(d, 'tasks.onTimeRate')).toBeGreaterThanOrEqual(0.85);
        expect(value(d, 'persistence.neglectedRate')).toBeLessThanOrEqual(0.15);
        expect(value(d, 'calls.verificationRate')).toBeGreaterThanOrEqual(0.9);
      }
    });

    it('each habit agent’s worst-graded metric is their habit’s, in their worst category', () => {
      for (const [habit, id] of Object.entries(HABIT_METRIC) as [PlantedHabit, MetricId][]) {
        const agent = only(store, habit);
        expect(agent.metrics[id].subscore, `${habit}: ${id}`).toBe(lowestSubscore(agent));
        // The lead flipper also lets the cadence lapse on the leads it is about to close, so
        // Process sometimes grades below Persistence (measured 35–53 vs 38–53): second place.
        const places = habit === 'lead_flipper' ? 2 : 1;
        expect(categoriesWorstFirst(agent).slice(0, places), habit).toContain(METRIC_CATEGORY[id]);
      }
    });
  },
);
