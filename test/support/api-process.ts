import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import request from 'supertest';
import type { TokenSettings } from '@candor/platform-auth';
import { CandorApiError, type CandorClient, createCandorClient } from '@candor/sdk';
import { testDatabase } from '@candor/platform-testing';

export const REPO_ROOT = join(__dirname, '..', '..');

export interface RunningApi {
  url: string;
  tokens: TokenSettings;
  output(): string;
  stop(): Promise<void>;
}

export interface ExitedApi {
  code: number | null;
  output: string;
}

function spawnApi(env: Record<string, string | undefined>): ChildProcess {
  const clean = { ...process.env };
  for (const key of Object.keys(clean)) {
    if (key.startsWith('DATABASE_') || key.startsWith('CANDOR_') || key === 'AUTH_JWT_SECRET') {
      delete clean[key];
    }
  }
  return spawn(process.execPath, ['-r', './tools/register.cjs', 'apps/api/src/start.ts'], {
    cwd: REPO_ROOT,
    env: { ...clean, NODE_ENV: 'test', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * Boots the real API (`apps/api/src/start.ts`, as `npm start` does) against the test run's
 * database, as the app role, and resolves once it prints its URL.
 */
export async function startApi(env: Record<string, string | undefined> = {}): Promise<RunningApi> {
  const tokens = { secret: randomBytes(32).toString('base64url'), issuer: 'candor' };
  const child = spawnApi({
    DATABASE_URL: testDatabase().appUrl,
    AUTH_JWT_SECRET: tokens.secret,
    ...env,
  });
  let output = '';
  const collect = (chunk: Buffer) => (output += chunk.toString('utf8'));
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`API did not start in 60 s:\n${output}`)),
      60_000,
    );
    child.stdout?.on('data', () => {
      const match = /GraphQL\s+(http:\/\/\S+)\/graphql/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`API exited with code ${String(code)} before starting:\n${output}`));
    });
  });
  return {
    url,
    tokens,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Runs the API expecting it to refuse to start; returns its exit code and output. */
export function runApiExpectingExit(env: Record<string, string | undefined>): Promise<ExitedApi> {
  const child = spawnApi(env);
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString('utf8')));
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: {
    message: string;
    path?: string[];
    extensions?: { code?: string; [k: string]: unknown };
  }[];
}

/** POSTs one GraphQL operation as the holder of `token` (or anonymously). */
export async function gql<T = Record<string, unknown>>(
  api: RunningApi,
  token: string | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<T>> {
  const req = request(api.url).post('/graphql').set('content-type', 'application/json');
  if (token) req.set('authorization', `Bearer ${token}`);
  const res = await req.send({ query, variables });
  const body = res.body as Omit<GraphQLResponse<T>, 'status'>;
  return { status: res.status, ...body };
}

/** The codes of a response's errors, in order. */
export function errorCodes(res: GraphQLResponse<unknown>): (string | undefined)[] {
  return (res.errors ?? []).map((e) => e.extensions?.code);
}

/** A typed SDK client of the running API, acting as the holder of `token` (or anonymously). */
export function sdkClient(api: RunningApi, token?: string | null): CandorClient {
  return createCandorClient({ url: `${api.url}/graphql`, ...(token ? { token } : {}) });
}

/** Awaits an SDK call that must fail with GraphQL errors, and returns the CandorApiError. */
export async function apiError(call: Promise<unknown>): Promise<CandorApiError> {
  let result: unknown;
  try {
    result = await call;
  } catch (error) {
    if (error instanceof CandorApiError) return error;
    throw error;
  }
  throw new Error(`expected a CandorApiError, but the call returned ${JSON.stringify(result)}`);
}
