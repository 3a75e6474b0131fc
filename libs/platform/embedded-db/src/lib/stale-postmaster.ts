import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

export type PostmasterState =
  | { kind: 'none' }
  | { kind: 'stale-file'; pid: number }
  | { kind: 'orphan'; pid: number }
  | { kind: 'in-use'; pid: number; parentPid: number };

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function parentOf(pid: number): Promise<number | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Field 4 is the parent pid; the command name (field 2) may contain spaces, so split after ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[1]);
  } catch {
    return undefined;
  }
}

/**
 * What `postmaster.pid` in a data directory says. A postmaster whose parent died (a hard-killed
 * `npm start`) is re-parented and keeps the directory locked: that is an orphan we may stop. One
 * whose parent is alive belongs to another running Candor, which we must not disturb.
 */
export async function inspectPostmaster(dataDir: string): Promise<PostmasterState> {
  let text: string;
  try {
    text = await readFile(join(dataDir, 'postmaster.pid'), 'utf8');
  } catch {
    return { kind: 'none' };
  }
  const pid = Number(text.split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return { kind: 'stale-file', pid };
  const parentPid = await parentOf(pid);
  if (parentPid !== undefined && parentPid > 1 && alive(parentPid) && parentPid !== process.pid) {
    const parentCmd = await readFile(`/proc/${parentPid}/cmdline`, 'utf8').catch(() => '');
    // Container init processes and subreapers adopt orphans too; only a node parent is a live owner.
    if (/node/.test(parentCmd)) return { kind: 'in-use', pid, parentPid };
  }
  return { kind: 'orphan', pid };
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !alive(pid);
}

/** Makes the data directory startable again; returns a line describing what it did, if anything. */
export async function recoverStalePostmaster(dataDir: string): Promise<string | undefined> {
  const state = await inspectPostmaster(dataDir);
  switch (state.kind) {
    case 'none':
      return undefined;
    case 'stale-file':
      await rm(join(dataDir, 'postmaster.pid'), { force: true });
      return `removed a stale postmaster.pid (pid ${state.pid} is not running)`;
    case 'in-use':
      throw new Error(
        `${dataDir} is in use by a PostgreSQL (pid ${state.pid}) started by another running ` +
          `process (pid ${state.parentPid}). Stop that Candor first, or set DATABASE_URL.`,
      );
    case 'orphan': {
      // SIGINT is PostgreSQL's "fast shutdown": rolls back open transactions and exits cleanly.
      process.kill(state.pid, 'SIGINT');
      if (!(await waitForExit(state.pid, 15_000))) {
        process.kill(state.pid, 'SIGKILL');
        await waitForExit(state.pid, 5_000);
      }
      await rm(join(dataDir, 'postmaster.pid'), { force: true });
      return `stopped an orphaned PostgreSQL (pid ${state.pid}) left by an earlier run`;
    }
  }
}
