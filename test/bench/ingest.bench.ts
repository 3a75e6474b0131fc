import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { importBundle } from '@candor/evidence-data-access';
import { createDataSource, runInTenant } from '@candor/platform-database';
import { demoManifest, generateDemoEvidence, toBundleLine } from '@candor/scoring-demo-data';
import { freshDatabase } from './fresh-database';

/**
 * `npm run bench:ingest [lines] [rounds]`: imports 1,000,000 demo bundle lines into a fresh
 * tenant in a fresh database (the local PostgreSQL the tests use), and in the same run COPYs the
 * same lines as jsonb into a bare unindexed table. Prints lines/s of both and their ratio
 * (ours / raw COPY; target ≥ 0.5). Each round imports into a new store, so every round inserts
 * every line. Figures are printed, never asserted. Everything created is dropped at the end.
 */
const LINES = Number(process.argv[2] ?? 1_000_000);
const ROUNDS = Number(process.argv[3] ?? 2);
const say = (line: string) => process.stdout.write(`${line}\n`);
const rate = (lines: number, ms: number) => Math.round(lines / (ms / 1000)).toLocaleString('en-US');

async function writeBundle(file: string): Promise<{ storeId: string; timeZone: string }> {
  // Two years of a busy store give ~1M records; the generator is cut at exactly LINES.
  const options = { stores: 1, days: 800, seed: 2026, leadsPerStorePerDay: 60 };
  const store = demoManifest(options).stores[0]!;
  const out = createWriteStream(file);
  let n = 0;
  for (const record of generateDemoEvidence(options)) {
    if (n++ === LINES) break;
    if (!out.write(`${toBundleLine(record, store.timeZone)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  if (n < LINES) throw new Error(`the demo generator gave only ${n} lines`);
  return { storeId: store.storeId, timeZone: store.timeZone };
}

/** Raw COPY of the file's lines into `(line jsonb)`; CSV with quote/delimiter bytes JSON never holds. */
async function rawCopy(url: string, file: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const table = `bench_raw_${randomUUID().replace(/-/g, '')}`;
    await client.query(`CREATE TABLE ${table} (line jsonb)`);
    const started = performance.now();
    await pipeline(
      createReadStream(file, { highWaterMark: 1 << 20 }),
      client.query(
        copyFrom(`COPY ${table} FROM STDIN WITH (FORMAT csv, QUOTE e'\\x01', DELIMITER e'\\x02')`),
      ),
    );
    const ms = performance.now() - started;
    await client.query(`DROP TABLE ${table}`);
    return ms;
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'candor-bench-ingest-'));
  const file = join(dir, 'bundle.jsonl');
  const db = await freshDatabase();
  const ds = await createDataSource({ url: db.appUrl, poolSize: 4 }).initialize();
  try {
    say(`bench:ingest — generating ${LINES.toLocaleString('en-US')} demo bundle lines…`);
    const { storeId: externalId, timeZone } = await writeBundle(file);
    say(`  ${(statSync(file).size / 1024 / 1024).toFixed(0)} MB; database ${db.database}`);
    const consultancyId = randomUUID();
    await runInTenant(ds, { consultancyId }, (tx) =>
      tx.query('INSERT INTO consultancy (id, name) VALUES ($1, $2)', [consultancyId, 'Bench']),
    );

    const ours: number[] = [];
    const raw: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      // A store per round (its own external id), so each round inserts every record afresh.
      const storeId = randomUUID();
      await runInTenant(ds, { consultancyId }, (tx) =>
        tx.query(
          `INSERT INTO store (consultancy_id, id, external_id, name, time_zone, business_hours)
           VALUES ($1, $2, $3, 'Bench', $4, 'null')`,
          [consultancyId, storeId, externalId, timeZone],
        ),
      );
      const started = performance.now();
      let shown = 0;
      const report = await importBundle(
        ds,
        { consultancyId },
        {
          store: storeId,
          input: { kind: 'file', path: file },
          onProgress: (p) => {
            if (p.lines - shown < 200_000) return;
            shown = p.lines;
            say(
              `  round ${round}: ${p.lines.toLocaleString('en-US')} lines read, ${p.committedLines.toLocaleString('en-US')} committed`,
            );
          },
        },
      );
      const ms = performance.now() - started;
      if (report.accepted !== LINES) {
        throw new Error(`expected ${LINES} accepted lines, got ${JSON.stringify(report)}`);
      }
      ours.push(ms);
      say(`  round ${round}: import ${(ms / 1000).toFixed(1)} s (${rate(LINES, ms)} lines/s)`);
      const rawMs = await rawCopy(db.ownerUrl, file);
      raw.push(rawMs);
      say(
        `  round ${round}: raw COPY ${(rawMs / 1000).toFixed(1)} s (${rate(LINES, rawMs)} lines/s)`,
      );
      // The next round's store has the same external id; free it.
      await runInTenant(ds, { consultancyId }, (tx) =>
        tx.query('DELETE FROM store WHERE id = $1', [storeId]),
      );
    }
    const best = (xs: number[]) => Math.min(...xs);
    const ratio = best(raw) / best(ours);
    say(
      `\nbench:ingest — best of ${ROUNDS} round(s), ${LINES.toLocaleString('en-US')} lines, same file, same run`,
    );
    say(`  import (validate, COPY, upsert, archive)  ${rate(LINES, best(ours))} lines/s`);
    say(`  raw COPY into a bare jsonb table          ${rate(LINES, best(raw))} lines/s`);
    say(`  ratio import / raw COPY                   ${ratio.toFixed(2)} (target ≥ 0.50)`);
  } finally {
    await ds.destroy();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
