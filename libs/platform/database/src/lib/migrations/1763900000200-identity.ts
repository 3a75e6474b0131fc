import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reserved for identity:credentials,sessions,refresh-token_families,api_keys,invitations,sign-in_attempts; filled in by the work that introduces it. */
export class Identity1763900000200 implements MigrationInterface {
  name = 'Identity1763900000200';

  async up(_q: QueryRunner): Promise<void> {
    // Intentionally empty until the schema lands.
  }

  async down(_q: QueryRunner): Promise<void> {
    // Intentionally empty until the schema lands.
  }
}
