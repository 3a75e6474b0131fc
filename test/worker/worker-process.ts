import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const REPO_ROOT = join(__dirname, '..', '..');

export interface WorkerProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  /** Resolves once the output matches, rejects if the process exits first. */
  waitFor(pattern: RegExp): Promise<void>;
}

/** Runs `apps/worker/src/main.ts` as `npm run worker` does, with only the given environment. */
export function spawnWorker(env: Record<string, string>): WorkerProcess {
  const clean = { ...process.env };
  for (const key of Object.keys(clean)) {
    if (key.startsWith('DATABASE_') || key.startsWith('CANDOR_') || key === 'AUTH_JWT_SECRET') {
      delete clean[key];
    }
  }
  const child = spawn(process.execPath, ['-r', './tools/register.cjs', 'apps/worker/src/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...clean, NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    for (const l of listeners) l();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return {
    child,
    output: () => output,
    exited,
    waitFor: (pattern) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (pattern.test(output)) {
            listeners.delete(check);
            resolve();
          }
        };
        listeners.add(check);
        check();
        void exited.then((code) =>
          reject(
            new Error(`worker exited with ${String(code)} before ${String(pattern)}:\n${output}`),
          ),
        );
      }),
  };
}
