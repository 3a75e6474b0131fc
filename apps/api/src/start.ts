import type { INestApplication } from '@nestjs/common';
import { signAccessToken } from '@candor/platform-auth';
import { ConfigError, loadConfig } from '@candor/platform-config';
import {
  APP_DATA_SOURCE,
  type LocalDatabase,
  runMigrations,
  startLocalDatabase,
} from '@candor/platform-database';
import { ensureQueueSchema } from '@candor/platform-queue';
import { createApp } from './bootstrap';
import { DEV_TOKEN_TTL_SECONDS } from './dev-token/dev-token.controller';
import { ensureDemoPassword } from './seed/demo-password';
import { DEMO, seedDemo } from './seed/demo-seed';

const say = (line: string) => process.stdout.write(`${line}\n`);

/**
 * `npm start`: with no DATABASE_URL, runs an embedded PostgreSQL under .data/ (development mode:
 * generated local secrets, demo data, development tokens); otherwise uses the configured server.
 * Either way it applies migrations, serves the API and prints where to find it.
 */
async function main(): Promise<void> {
  const env = { ...process.env };
  let local: LocalDatabase | undefined;
  if (!env['DATABASE_URL']) {
    say('candor: no DATABASE_URL set, using the embedded PostgreSQL under .data/');
    local = await startLocalDatabase({
      dataRoot: env['CANDOR_DATA_DIR'] ?? '.data',
      port: Number(env['EMBEDDED_PG_PORT'] ?? 54329),
      onProgress: (line) => say(`candor: ${line}`),
    });
    env['DATABASE_URL'] = local.appUrl;
    env['DATABASE_OWNER_URL'] = local.ownerUrl;
    env['AUTH_JWT_SECRET'] ??= local.jwtSecret;
    env['CANDOR_DEV_TOKENS'] ??= 'true';
  }
  const config = loadConfig(env);

  if (config.DATABASE_OWNER_URL) {
    const { applied } = await runMigrations(config.DATABASE_OWNER_URL);
    say(
      `candor: migrations ${applied.length > 0 ? `applied: ${applied.join(', ')}` : 'up to date'}`,
    );
    // The job queue's schema (pg-boss) is installed by the owner too; the app role only uses it.
    await ensureQueueSchema(config.DATABASE_OWNER_URL);
  } else {
    say('candor: DATABASE_OWNER_URL not set, skipping migrations (/ready reports pending ones)');
  }

  const app = await createApp(config);
  stopOnSignals(app, local);
  await app.listen(config.PORT, config.HOST);
  const address: unknown = app.getHttpServer().address();
  const port =
    typeof address === 'object' && address && 'port' in address ? address.port : config.PORT;
  const base = `http://localhost:${String(port)}`;

  let demoPassword: { password: string; file: string } | undefined;
  if (local) {
    const seeded = await seedDemo(app.get(APP_DATA_SOURCE));
    if (seeded) say('candor: seeded the demo consultancy "Summit Dealer Coaching" with 3 stores');
    demoPassword = await ensureDemoPassword(
      app.get(APP_DATA_SOURCE),
      env['CANDOR_DATA_DIR'] ?? '.data',
    );
  }
  say('');
  say('Candor is running');
  say(`  GraphQL   ${base}/graphql`);
  say(`  Health    ${base}/health`);
  say(`  Ready     ${base}/ready`);
  if (local) {
    say(`  Database  embedded PostgreSQL in ${local.dataDir} (127.0.0.1:${local.port})`);
    // The worker and the CLI reach this database while it runs through the same URLs.
    say(`  Worker    DATABASE_URL='${local.appUrl}' \\`);
    say(`            DATABASE_OWNER_URL='${local.ownerUrl}' npm run worker`);
  }
  if (demoPassword) {
    say(
      `  Sign in   mutation { signIn(email: "${DEMO.ownerEmail}", password: "…") { accessToken } }`,
    );
    say(`            demo owner password (kept in ${demoPassword.file}): ${demoPassword.password}`);
  }
  if (local && config.CANDOR_DEV_TOKENS) {
    const token = signAccessToken(
      { sub: DEMO.ownerId, cid: DEMO.consultancyId },
      { secret: config.AUTH_JWT_SECRET, issuer: config.AUTH_TOKEN_ISSUER },
      DEV_TOKEN_TTL_SECONDS,
    );
    say(`  Demo owner (${DEMO.ownerEmail}), development token valid 8 h:`);
    say(`    Authorization: Bearer ${token}`);
  }
}

function stopOnSignals(app: INestApplication, local: LocalDatabase | undefined): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`candor: ${signal} received, shutting down`);
    void app
      .close()
      .then(() => local?.stop())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`candor: ${error.message}`);
  } else {
    console.error('candor: failed to start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
