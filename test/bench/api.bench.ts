import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { print } from 'graphql';
import { Client } from 'pg';
import { signAccessToken } from '@candor/platform-auth';
import { encodeId } from '@candor/platform-graphql';
import { createCandorClient, StoreScorecardDocument } from '@candor/sdk';
import { seedDemoStore } from './demo-store';
import { freshDatabase } from './fresh-database';

/**
 * `npm run bench:api [seconds]`: boots the real API (NODE_ENV=production) on a fresh database
 * with a store of demo evidence, loads one query with autocannon (50 connections, 127.0.0.1
 * only, `seconds` each, default 10, after a short warm-up), then does the same against a bare
 * Apollo Server of the same schema answering the captured response as a constant. The two take
 * turns, three rounds each, so that a burst on the shared machine slows one round rather than
 * one server. Prints req/s and p99 of every round and of the median one, its ratio API / bare
 * (target ≥ 0.5), and the database transactions the API ran per request. Figures are printed,
 * never asserted. `BENCH_NODE_ARGS` passes node options to both servers, e.g.
 * `BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=tmp/prof"` to profile them.
 */
const SECONDS = Number(process.argv[2] ?? 10);
const WARM_UP_SECONDS = 3;
const ROUNDS = 3;
const CONNECTIONS = 50;
const ROOT = join(__dirname, '..', '..');
const say = (line: string) => process.stdout.write(`${line}\n`);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/**
 * The operation under load, in this one place: a store's scorecard for a month of the demo
 * evidence (its report is graded on the first request, which the bench makes before the load).
 */
const OPERATION = {
  title: 'storeScorecard(storeId, period: October 2026)',
  document: StoreScorecardDocument,
  variables: (storeId: string) => ({
    storeId,
    period: { granularity: 'MONTH' as const, date: '2026-10-01' },
  }),
};

interface Server {
  url: string;
  stop(): Promise<void>;
}

/** Spawns a TypeScript entry point and resolves with the http://127.0.0.1 URL it prints. */
async function spawnServer(
  args: string[],
  env: Record<string, string>,
  printed: RegExp,
): Promise<Server> {
  const clean = { ...process.env };
  for (const key of Object.keys(clean)) {
    if (key.startsWith('DATABASE_') || key.startsWith('CANDOR_') || key === 'AUTH_JWT_SECRET') {
      delete clean[key];
    }
  }
  const nodeArgs = process.env['BENCH_NODE_ARGS']?.split(' ') ?? [];
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeArgs, '-r', './tools/register.cjs', ...args],
    {
      cwd: ROOT,
      env: { ...clean, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const collect = (chunk: Buffer) => (output += chunk.toString('utf8'));
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const port = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no server in 90 s:\n${output}`)), 90_000);
    child.stdout?.on('data', () => {
      const match = printed.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with code ${String(code)} before listening:\n${output}`));
    });
  });
  return {
    // Printed as localhost; the load must go to the loopback address it is bound to.
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

interface Load {
  requestsPerSecond: number;
  p99Ms: number;
  /** Requests sent, answered or still in flight when the time was up. */
  sent: number;
}

interface Round {
  ours: Load;
  baseline: Load;
  ratio: number;
}

/** autocannon against POST /graphql; any failed or GraphQL-error response fails the bench. */
async function load(url: string, headers: Record<string, string>, body: string, seconds: number) {
  let graphqlErrors = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json', ...headers },
        body,
        onResponse: (_status, responseBody) => {
          if (responseBody.includes('"errors"')) graphqlErrors++;
        },
      },
    ],
  });
  const failed = result.errors + result.timeouts + result.non2xx + graphqlErrors;
  if (failed > 0) {
    throw new Error(
      `${url}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx, ${graphqlErrors} GraphQL errors`,
    );
  }
  return {
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    sent: result.requests.sent,
  } satisfies Load;
}

/** Transactions committed in the database so far (PostgreSQL's statistics, flushed lazily). */
async function committedTransactions(url: string, database: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    // Statistics reach pg_stat_database about once a second after the transactions.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const { rows } = await client.query<{ n: string }>(
      'SELECT xact_commit AS n FROM pg_stat_database WHERE datname = $1',
      [database],
    );
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'candor-bench-api-'));
  const db = await freshDatabase();
  const stops: (() => Promise<void>)[] = [];
  try {
    say(`bench:api — seeding a store with 90 days of demo evidence (database ${db.database})…`);
    const tenant = await seedDemoStore(db.appUrl, join(dir, 'bundle.jsonl'), {
      days: 90,
      seed: 2026,
    });
    say(`  ${fmt(tenant.imported)} records imported`);

    const secret = randomBytes(32).toString('base64url');
    const api = await spawnServer(
      ['apps/api/src/start.ts'],
      {
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        HOST: '127.0.0.1',
        PORT: '0',
        DATABASE_URL: db.appUrl,
        AUTH_JWT_SECRET: secret,
        // The limiter would refuse most of the load; raise the bucket so it only measures.
        GRAPHQL_COST_CAPACITY: '1000000',
        GRAPHQL_COST_RESTORE_PER_SECOND: '100000',
      },
      /GraphQL\s+http:\/\/[^:\s]+:(\d+)\/graphql/,
    );
    stops.push(api.stop);
    const token = signAccessToken(
      { sub: tenant.ownerId, cid: tenant.consultancyId },
      { secret, issuer: 'candor' },
      3600,
    );
    const variables = OPERATION.variables(encodeId('Store', tenant.storeId));
    const captured = await createCandorClient({ url: `${api.url}/graphql`, token }).request(
      OPERATION.document,
      variables,
    );
    say(`  one answer: ${fmt(JSON.stringify(captured).length)} bytes of data`);
    const body = JSON.stringify({ query: print(OPERATION.document), variables });
    const auth = { authorization: `Bearer ${token}` };

    const dataFile = join(dir, 'data.json');
    writeFileSync(dataFile, JSON.stringify(captured));
    const bare = await spawnServer(
      ['test/bench/bare-apollo-server.ts', join(ROOT, 'apps', 'api', 'schema.gql'), dataFile],
      { NODE_ENV: 'production' },
      /bare Apollo Server at http:\/\/[^:\s]+:(\d+)\//,
    );
    stops.push(bare.stop);
    const same = await createCandorClient({ url: `${bare.url}/graphql` }).request(
      OPERATION.document,
      variables,
    );
    if (JSON.stringify(same) !== JSON.stringify(captured)) {
      throw new Error('the bare server does not answer what the API answered');
    }

    say(
      `  ${OPERATION.title}: ${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${SECONDS} s on each server after ${WARM_UP_SECONDS} s warm-up`,
    );
    await load(api.url, auth, body, WARM_UP_SECONDS);
    await load(bare.url, {}, body, WARM_UP_SECONDS);
    const rounds: Round[] = [];
    let transactions = 0;
    for (let n = 1; n <= ROUNDS; n++) {
      const before = await committedTransactions(db.ownerUrl, db.database);
      const ours = await load(api.url, auth, body, SECONDS);
      transactions += (await committedTransactions(db.ownerUrl, db.database)) - before;
      const baseline = await load(bare.url, {}, body, SECONDS);
      const round = { ours, baseline, ratio: ours.requestsPerSecond / baseline.requestsPerSecond };
      rounds.push(round);
      say(
        `  round ${n}: Candor API ${fmt(ours.requestsPerSecond)} req/s (p99 ${ours.p99Ms} ms), bare Apollo ${fmt(baseline.requestsPerSecond)} req/s (p99 ${baseline.p99Ms} ms), ratio ${round.ratio.toFixed(2)}`,
      );
    }
    const perRequest = transactions / rounds.reduce((sum, r) => sum + r.ours.sent, 0);
    // The median round speaks for the run: on a shared machine a neighbour's burst can slow
    // down one round, of either server.
    const median = [...rounds].sort((x, y) => x.ratio - y.ratio)[Math.floor(ROUNDS / 2)]!;
    say(
      `\nbench:api — ${OPERATION.title}, ${CONNECTIONS} connections, median of ${ROUNDS} alternating rounds of ${SECONDS} s, same run`,
    );
    say(
      `  Candor API (auth, tenancy, cost limit)             ${fmt(median.ours.requestsPerSecond)} req/s  p99 ${median.ours.p99Ms} ms`,
    );
    say(
      `  bare Apollo Server, constant response               ${fmt(median.baseline.requestsPerSecond)} req/s  p99 ${median.baseline.p99Ms} ms`,
    );
    say(`  database transactions per API request                ${perRequest.toFixed(1)}`);
    say(
      `  ratio API / bare                                    ${median.ratio.toFixed(2)} (target ≥ 0.50)`,
    );
  } finally {
    for (const stop of stops.reverse()) await stop();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
