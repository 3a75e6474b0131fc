import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type EvidenceRecord, type StoreEvidence, validateRecord } from '@candor/evidence-domain';

/** test/fixtures/hand-written.jsonl: 31 lines of store `smith-toyota`, every record type. */
export const HAND_WRITTEN = join(
  __dirname,
  ...Array<string>(6).fill('..'),
  'test',
  'fixtures',
  'hand-written.jsonl',
);

const keyOf = (r: object) => {
  const { type, id } = r as { type?: unknown; id?: unknown };
  return `${String(type)} ${String(id)}`;
};

/** Records (or stored rows holding a type and an id) in one order: by type, then id. */
export function sortedByKey<T extends object>(records: T[]): T[] {
  return records.sort((x, y) => keyOf(x).localeCompare(keyOf(y)));
}

/** The fixture's records as validated, with line 0 (what reading a store back must give), sorted. */
export function handWrittenRecords(): EvidenceRecord[] {
  const lines = readFileSync(HAND_WRITTEN, 'utf8').trimEnd().split('\n');
  return sortedByKey(
    lines.map((line) => {
      const result = validateRecord(JSON.parse(line), 1);
      if (!result.ok) throw new Error(`fixture line invalid: ${line}`);
      return { ...result.record, line: 0 };
    }),
  );
}

/** Every record of a store's evidence, the profile included, sorted by type and id. */
export function recordsOf(evidence: StoreEvidence): EvidenceRecord[] {
  const { store, storeId: _, ...lists } = evidence;
  const records: EvidenceRecord[] = Object.values(lists).flat();
  return sortedByKey(store ? [store, ...records] : records);
}
