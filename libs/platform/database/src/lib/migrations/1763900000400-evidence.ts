import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reserved for evidence_tables; filled in by the work that introduces it. */
export class Evidence1763900000400 implements MigrationInterface {
  name = 'Evidence1763900000400';

  async up(_q: QueryRunner): Promise<void> {
    // Intentionally empty until the schema lands.
  }

  async down(_q: QueryRunner): Promise<void> {
    // Intentionally empty until the schema lands.
  }
}
