import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import type { DataSource } from 'typeorm';
import { type AppConfig, loadConfig } from '@candor/platform-config';
import { createDataSource, type DataSourceOptions } from '@candor/platform-database';
import './provided-context';
import type { TestDatabase } from './test-database';

export function testDatabase(): TestDatabase {
  return inject('candorDb');
}

/** A data source connected as the test run's app role (RLS applies), already initialized. */
export async function appDataSource(options: Partial<DataSourceOptions> = {}): Promise<DataSource> {
  return createDataSource({ url: testDatabase().appUrl, poolSize: 5, ...options }).initialize();
}

/** A data source connected as the test run's owner role (owns the tables; RLS is forced). */
export async function ownerDataSource(): Promise<DataSource> {
  return createDataSource({ url: testDatabase().ownerUrl, poolSize: 2 }).initialize();
}

/** A valid AppConfig for the test database with a fresh random secret. */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: testDatabase().appUrl,
    DATABASE_POOL_SIZE: '5',
    AUTH_JWT_SECRET: randomBytes(32).toString('base64url'),
    ...overrides,
  });
}
