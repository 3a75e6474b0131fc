import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from './embedded-postgres';
import { inspectPostmaster } from './stale-postmaster';

const ROOT = join(__dirname, '..', '..', '..', '..', '..');
const dataDir = join(ROOT, '.data', `test-recovery-${process.pid}`);
/** A port nothing listens on (a fixed guess once collided with a client socket's local port). */
let port = 0;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: free } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return free;
}

/** Starts the embedded server in a child process that then hangs, and returns its pid. */
function startInChild(): Promise<number> {
  const script = `
    const { startEmbeddedPostgres } = require('./libs/platform/embedded-db/src');
    startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${port} })
      .then(() => { process.stdout.write('ready\\n'); setInterval(() => {}, 1000); })
      .catch((e) => { console.error(e); process.exit(1); });`;
  const child = spawn(process.execPath, ['-r', './tools/register.cjs', '-e', script], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      if (c.toString().includes('ready')) resolve(child.pid!);
    });
    child.on('exit', (code) => reject(new Error(`child exited ${String(code)}: ${output}`)));
  });
}

describe('embedded PostgreSQL after a hard kill', () => {
  beforeAll(async () => {
    port = await freePort();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  afterAll(() => rmSync(`${dataDir}.password`, { force: true }));

  it('stops the orphaned postmaster and starts again with the data intact', async () => {
    const childPid = await startInChild();
    const first = await startEmbeddedPostgresClient();
    await first.query('CREATE TABLE kept (v text); INSERT INTO kept VALUES ($$survives$$)');
    await first.end();

    process.kill(childPid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 300));
    expect((await inspectPostmaster(dataDir)).kind).toBe('orphan');

    const notes: string[] = [];
    const pg = await startEmbeddedPostgres({ dataDir, port, onProgress: (l) => notes.push(l) });
    try {
      expect(notes.join('\n')).toMatch(/stopped an orphaned PostgreSQL \(pid \d+\)/);
      const client = new Client({ connectionString: pg.adminUrl() });
      await client.connect();
      expect((await client.query('SELECT v FROM kept')).rows).toEqual([{ v: 'survives' }]);
      await client.end();
    } finally {
      await pg.stop();
    }
    expect((await inspectPostmaster(dataDir)).kind).toBe('none');
  }, 90_000);
});

async function startEmbeddedPostgresClient(): Promise<Client> {
  const { readFileSync } = await import('node:fs');
  const password = readFileSync(`${dataDir}.password`, 'utf8').trim();
  const client = new Client({
    host: '127.0.0.1',
    port,
    user: 'postgres',
    password,
    database: 'postgres',
  });
  await client.connect();
  return client;
}
