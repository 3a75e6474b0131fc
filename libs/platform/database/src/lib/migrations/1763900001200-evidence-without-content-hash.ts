import type { MigrationInterface, QueryRunner } from 'typeorm';
import { EVIDENCE_KEYED_TABLES } from './1763900001100-evidence-key-collation';

const TABLES = [...EVIDENCE_KEYED_TABLES, 'evidence_revision'];

/**
 * Evidence rows lose `content_hash` (an md5 of the record's JSON text that the importer
 * computed per record): an import now tells a changed record from an unchanged one by
 * comparing the stored `record` with the new one as jsonb, which is exact (key order and
 * number spelling do not matter) and costs nothing on the insert path. The md5 cost the importer
 * ~1.2 µs of the ~10 µs of Node time per record of a 1M-line import. Down restores the column as the
 * md5 of the stored jsonb's text; an older importer then sees every record as changed once.
 */
export class EvidenceWithoutContentHash1763900001200 implements MigrationInterface {
  name = 'EvidenceWithoutContentHash1763900001200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(TABLES.map((t) => `ALTER TABLE ${t} DROP COLUMN content_hash;`).join('\n'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      TABLES.map(
        // A rewrite by ALTER … USING, not an UPDATE: row-level security would hide the rows.
        (t) => `ALTER TABLE ${t} ADD COLUMN content_hash uuid;
ALTER TABLE ${t} ALTER COLUMN content_hash TYPE uuid USING md5(record::text)::uuid;
ALTER TABLE ${t} ALTER COLUMN content_hash SET NOT NULL;`,
      ).join('\n'),
    );
  }
}
