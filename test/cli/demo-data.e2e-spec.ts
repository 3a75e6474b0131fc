import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MetricId, Report } from '@candor/scoring';
import type { DemoManifest, Habit } from '@candor/scoring-demo-data';
import { CANDOR, removeTempDirs, ROOT, runCandor, tempDir } from '../support/run-cli';

afterAll(removeTempDirs);

/** `candor demo-data … | candor grade - --format json`, through a real shell pipe. */
function pipeDemoIntoGrade(
  manifest: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(
    'bash',
    [
      '-o',
      'pipefail',
      '-c',
      `"${CANDOR}" demo-data --stores 2 --days 60 --seed 11 --manifest "${manifest}" | "${CANDOR}" grade - --format json`,
    ],
    { cwd: ROOT },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** The metric each planted habit shows in, and whether a high value is the habit. */
const SIGNATURE: Record<Exclude<Habit, 'diligent'>, { metric: MetricId; high: boolean }> = {
  clock_stopper: { metric: 'clockStop.rate', high: true },
  personal_email: { metric: 'email.personalDomainRate', high: true },
  cell_phone: { metric: 'calls.offSystemRate', high: true },
  vague_voicemail: { metric: 'voicemail.recognizableRate', high: false },
  lead_flipper: { metric: 'persistence.prematureCloseRate', high: true },
  cherry_picker: { metric: 'tasks.cherryPickIndex', high: true },
};

describe('candor demo-data | candor grade', () => {
  it('finds every planted habit on its own agent, and the diligent agents grade best', async () => {
    const manifestFile = join(tempDir('candor-demo-'), 'manifest.json');
    const result = await pipeDemoIntoGrade(manifestFile);
    // stderr may carry progress lines; nothing in the generated bundle may be rejected.
    expect(result.stderr).not.toMatch(/rejected|duplicate/);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as DemoManifest;
    expect(report.stores).toHaveLength(2);

    for (const store of report.stores) {
      const agents = manifest.agents.filter((a) => a.storeId === store.storeId);
      const valueOf = (userId: string, metric: MetricId) =>
        store.agents.find((a) => a.userId === userId)!.metrics[metric].value ?? NaN;
      for (const [habit, { metric, high }] of Object.entries(SIGNATURE)) {
        const planted = agents.find((a) => a.habit === habit)!;
        const ranked = [...agents].sort(
          (a, b) => (high ? -1 : 1) * (valueOf(a.userId, metric) - valueOf(b.userId, metric)),
        );
        // The agent with the habit is the worst of the store on the habit's own metric.
        expect(ranked[0]!.userId, `${store.storeId} ${habit} on ${metric}`).toBe(planted.userId);
      }
      const score = (userId: string) =>
        store.agents.find((a) => a.userId === userId)!.overall.score!;
      const diligent = agents.filter((a) => a.habit === 'diligent');
      const others = agents.filter((a) => a.habit !== 'diligent');
      for (const d of diligent) {
        for (const o of others)
          expect(score(d.userId), `${d.name} vs ${o.name} (${o.habit})`).toBeGreaterThan(
            score(o.userId),
          );
      }
      // The clock stopper's findings carry the evidence: claim and real call ids.
      const stopper = agents.find((a) => a.habit === 'clock_stopper')!;
      const stops = store.findings.filter(
        (f) => f.metricId === 'clockStop.rate' && f.userId === stopper.userId,
      );
      expect(stops.length).toBeGreaterThan(10);
      expect(stops[0]!.message).toMatch(/task completed \d+ min after arrival with comment/);
    }
  });

  it('is the same bundle for the same seed and a different one for another', async () => {
    const a = await runCandor(['demo-data', '--stores', '1', '--days', '5', '--seed', '3']);
    const b = await runCandor(['demo-data', '--stores', '1', '--days', '5', '--seed', '3']);
    const c = await runCandor(['demo-data', '--stores', '1', '--days', '5', '--seed', '4']);
    expect(a.code).toBe(0);
    expect(a.stdout.length).toBeGreaterThan(1000);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).not.toBe(c.stdout);
  });

  it('rejects bad options with exit code 2', async () => {
    const result = await runCandor(['demo-data', '--stores', 'many']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--stores must be a whole number from 1 to 50 (got "many")');
  });
});
