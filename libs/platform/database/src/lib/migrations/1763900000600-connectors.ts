import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reserved for connector configuration, credentials, cursors, dead letters and ingest tokens; filled in by the work that introduces it. */
export class Connectors1763900000600 implements MigrationInterface {
  name = 'Connectors1763900000600';

  async up(_q: QueryRunner): Promise<void> {
    // Intentionally empty until the schema lands.
  }

  async down(_q: QueryRunner): Promise<void> {
    // Intentionally empty until the schema lands.
  }
}
