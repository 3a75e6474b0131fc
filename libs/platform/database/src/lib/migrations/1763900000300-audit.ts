import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reserved for audit_trail; filled in by the work that introduces it. */
export class Audit1763900000300 implements MigrationInterface {
  name = 'Audit1763900000300';

  async up(_q: QueryRunner): Promise<void> {
    // Intentionally empty until the schema lands.
  }

  async down(_q: QueryRunner): Promise<void> {
    // Intentionally empty until the schema lands.
  }
}
