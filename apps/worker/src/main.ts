import { randomBytes } from 'node:crypto';
import { SecretBox } from '@candor/connectors-data-access';
import {
  CONNECTOR_KINDS,
  ConnectorSetupError,
  createPullConnector,
} from '@candor/connectors-feature';
import { ConfigError, loadConfig } from '@candor/platform-config';
import { createDataSource, runMigrations } from '@candor/platform-database';
import { ensureQueueSchema, PermanentJobError } from '@candor/platform-queue';
import { effectivePolicy } from '@candor/policy-data-access';
import type { PullConnectorRegistry } from './ports/connector-registry.port';
import { importPipelineSink } from './sinks/import-pipeline.sink';
import { startWorker } from './worker';

const log = (level: string, msg: string) =>
  process.stdout.write(`${JSON.stringify({ level, time: new Date().toISOString(), msg })}\n`);

/**
 * Pull connectors installed in this build, by kind (the connector catalog). A connector whose
 * stored configuration cannot build one fails for good: retrying cannot fix it.
 */
const REGISTRY: PullConnectorRegistry = new Map(
  CONNECTOR_KINDS.map((kind) => [
    kind,
    (connector) => {
      try {
        return createPullConnector(connector);
      } catch (error) {
        if (error instanceof ConnectorSetupError) throw new PermanentJobError(error.message);
        throw error;
      }
    },
  ]),
);

/** `npm run worker`: connector syncs, imports, report refreshes and their schedulers. */
async function main(): Promise<void> {
  // The worker signs and verifies no access tokens; when it is not given the API's secret, it
  // gets a random one of its own that nothing else knows, so its config still validates.
  const config = loadConfig({
    ...process.env,
    AUTH_JWT_SECRET: process.env['AUTH_JWT_SECRET'] ?? randomBytes(32).toString('base64url'),
  });
  if (config.DATABASE_OWNER_URL) {
    const { applied } = await runMigrations(config.DATABASE_OWNER_URL);
    if (applied.length > 0) log('info', `migrations applied: ${applied.join(', ')}`);
    await ensureQueueSchema(config.DATABASE_OWNER_URL);
  }
  const ds = await createDataSource({
    url: config.DATABASE_URL,
    poolSize: config.DATABASE_POOL_SIZE,
    applicationName: 'candor-worker',
  }).initialize();
  const secrets = config.CANDOR_SECRETS_KEY
    ? SecretBox.fromBase64(config.CANDOR_SECRETS_KEY)
    : null;
  if (!secrets)
    log('warn', 'CANDOR_SECRETS_KEY is not set: connectors with credentials cannot sync');
  const worker = await startWorker({
    ds,
    queueUrl: config.DATABASE_URL,
    secrets,
    registry: REGISTRY,
    sink: importPipelineSink(ds),
    policyFor: effectivePolicy,
    onError: (error) => log('error', error instanceof Error ? error.message : String(error)),
  });
  log('info', 'candor worker started');
  const shutdown = () => {
    log('info', 'candor worker stopping');
    void worker
      .stop()
      .then(() => ds.destroy())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `candor worker: ${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
