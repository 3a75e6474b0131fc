import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { importBundle } from '@candor/evidence-data-access';
import { createDataSource, runInTenant, type TenantTransaction } from '@candor/platform-database';
import {
  gradePeriod,
  loadStoreSettings,
  refreshStore,
  type SavedReport,
} from '@candor/reports-data-access';
import { DEFAULT_POLICY } from '@candor/scoring';
import { seedDemoStore } from './demo-store';
import { freshDatabase } from './fresh-database';

/**
 * `npm run bench:refresh [days]`: what late evidence costs the materialized reports. Seeds a
 * store with `days` (default 90) of demo evidence and grades every report its leads arrived in.
 * Then one late call of one lead lands, and the worker's refresh grades again every report that
 * reads that lead (each day, week and month of the 90 days after it arrived), loading the
 * evidence once and computing each lead's facts once per moment judged at. As the baseline in
 * the same run, the same reports are graded one by one, each loading its own evidence, as
 * `regradeStore` does for one period. Prints both times, the lead facts computed, and the ratio
 * (refresh / one by one; lower is better). Figures are printed, never asserted.
 */
const DAYS = Number(process.argv[2] ?? 90);
const say = (line: string) => process.stdout.write(`${line}\n`);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const DAY = 86_400_000;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'candor-bench-refresh-'));
  const db = await freshDatabase();
  const ds = await createDataSource({ url: db.appUrl, poolSize: 2 }).initialize();
  try {
    say(`bench:refresh — seeding a store with ${DAYS} days of demo evidence (${db.database})…`);
    const seeded = await seedDemoStore(db.appUrl, join(dir, 'bundle.jsonl'), {
      days: DAYS,
      seed: 2026,
    });
    say(`  ${fmt(seeded.imported)} records imported`);
    const now = seeded.window.to + 2 * DAY;
    const inTenant = <T>(work: (tx: TenantTransaction) => Promise<T>) =>
      runInTenant(ds, seeded, work);
    const refresh = async (title: string) => {
      const started = performance.now();
      const result = await inTenant((tx) =>
        refreshStore(tx, seeded.storeId, {
          now,
          policyFor: () => Promise.resolve(DEFAULT_POLICY),
        }),
      );
      const ms = performance.now() - started;
      say(
        `  ${title}: ${result.saved.length} reports in ${fmt(ms)} ms, ` +
          `${fmt(result.recomputedLeads)} lead facts computed`,
      );
      return { ms, result };
    };
    await refresh('first grading (every lead, every report)');
    // A lead from a third of the way into the window, whose reports span the most periods.
    const [lead] = await inTenant((tx) =>
      tx.query<{ id: string; at: Date }>(
        `SELECT external_id AS id, received_at AS at FROM evidence_lead WHERE store_id = $1
         ORDER BY received_at, external_id OFFSET (SELECT count(*) / 3 FROM evidence_lead) LIMIT 1`,
        [seeded.storeId],
      ),
    );
    const late = join(dir, 'late.jsonl');
    writeFileSync(
      late,
      `${JSON.stringify({
        type: 'activity',
        id: 'bench-late-call',
        storeId: (await inTenant((tx) => storeExternalId(tx, seeded.storeId)))!,
        leadId: lead!.id,
        channel: 'call',
        direction: 'outbound',
        evidence: 'recorded',
        at: new Date(lead!.at.getTime() + 2 * DAY).toISOString(),
        durationSec: 180,
        answeredBy: 'human',
        outcome: 'connected',
        automated: false,
      })}\n`,
    );
    await importBundle(ds, seeded, { store: seeded.storeId, input: { kind: 'file', path: late } });
    const refreshed = await refresh(`one late call of lead ${lead!.id}, refresh`);
    const started = performance.now();
    const alone = await inTenant(async (tx) => {
      const [store] = await loadStoreSettings(tx, [seeded.storeId]);
      const saved: SavedReport[] = [];
      for (const { report } of refreshed.result.saved) {
        const period = {
          granularity: report.granularity,
          start: report.periodStart.getTime(),
          end: report.periodEnd.getTime(),
          label: report.label,
        };
        saved.push(await gradePeriod(tx, store!, period, DEFAULT_POLICY, now));
      }
      return saved;
    });
    const aloneMs = performance.now() - started;
    say(`  the same ${alone.length} reports one by one: ${fmt(aloneMs)} ms`);
    same(refreshed.result.saved, alone);
    say(`ratio refresh / one by one: ${(refreshed.ms / aloneMs).toFixed(2)}`);
  } finally {
    await ds.destroy();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function storeExternalId(tx: TenantTransaction, storeId: string): Promise<string | null> {
  const [row] = await tx.query<{ id: string }>(
    'SELECT external_id AS id FROM store WHERE id = $1',
    [storeId],
  );
  return row?.id ?? null;
}

/** Both ways must have produced the same reports, or the comparison means nothing. */
function same(a: SavedReport[], b: SavedReport[]): void {
  const bodies = (saved: SavedReport[]) =>
    JSON.stringify(saved.map((s) => [s.report.label, s.report.body, s.report.findingCount]));
  if (bodies(a) !== bodies(b)) throw new Error('the refresh and the one-by-one reports differ');
  say(`  both produced the same ${a.length} reports`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:refresh failed: ${String(error)}\n`);
  process.exitCode = 1;
});
