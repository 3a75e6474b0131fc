import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
/** The `candor` that `npm ci` links, exactly what `npx candor` runs. */
export const CANDOR = join(ROOT, 'node_modules', '.bin', 'candor');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `candor <args>` from the repository root, optionally feeding `stdin`. */
export function runCandor(args: string[], stdin?: string | Buffer): Promise<CliResult> {
  const child = spawn(CANDOR, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  child.stdin.end(stdin);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

const made: string[] = [];

/** A fresh temporary directory, removed by `removeTempDirs()` (call it in afterAll). */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
