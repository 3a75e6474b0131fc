import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reserved for ingestion: raw payloads and import runs; filled in by the work that introduces it. */
export class Ingestion1763900000500 implements MigrationInterface {
  name = 'Ingestion1763900000500';

  async up(_q: QueryRunner): Promise<void> {
    // Intentionally empty until the schema lands.
  }

  async down(_q: QueryRunner): Promise<void> {
    // Intentionally empty until the schema lands.
  }
}
