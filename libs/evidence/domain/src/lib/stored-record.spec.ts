import { describe, expect, it } from 'vitest';
import { EXAMPLE_LINES } from './example-bundle.fixture';
import { validateRecord } from './record-validator';
import type { EvidenceRecord } from './records';
import { RECORD_TYPES } from './records';
import { compactRecord, expandStoredRecord } from './stored-record';

function recordOf(line: string, n: number): EvidenceRecord {
  const result = validateRecord(JSON.parse(line), n);
  if (!result.ok) throw new Error(`invalid example line ${n}: ${JSON.stringify(result.errors)}`);
  return result.record;
}

const EXAMPLES = EXAMPLE_LINES.map((line, i) => recordOf(line, i + 1));
/** The stored form as the database hands it back: through JSON text. */
const stored = (r: EvidenceRecord) =>
  JSON.parse(JSON.stringify(compactRecord(r))) as Record<string, unknown>;
const storeOf = (r: EvidenceRecord) => (r.type === 'store' ? r.id : r.storeId);

describe('stored records', () => {
  it('the examples cover every record type', () => {
    expect(new Set(EXAMPLES.map((r) => r.type))).toEqual(new Set(RECORD_TYPES));
  });

  it('read back whole: every field, nulls included, and line 0', () => {
    for (const record of EXAMPLES) {
      const back = expandStoredRecord(record.type, storeOf(record), stored(record));
      expect(back).toEqual({ ...record, line: 0 });
      expect(Object.keys(back).sort()).toEqual(Object.keys(record).sort());
    }
  });

  it('leave out the type, the store, the line and top-level nulls, and nothing else', () => {
    const task = EXAMPLES.find((r) => r.type === 'task')!;
    const fields = Object.entries(task);
    const nulls = fields.filter(([, v]) => v === null).map(([k]) => k);
    expect(nulls).toContain('raw');
    const kept = fields.filter(([k, v]) => v !== null && !['type', 'storeId', 'line'].includes(k));
    expect(stored(task)).toEqual(Object.fromEntries(kept));
    expect(Object.keys(stored(task))).toEqual(expect.arrayContaining(['id', 'leadId', 'dueAt']));
  });

  it('keep nested nulls (a closed day) and unknown fields kept in raw', () => {
    const store = recordOf(
      '{"type":"store","id":"s","name":"S","timeZone":"UTC","businessHours":{"mon":["09:00","17:00"],"tue":["09:00","17:00"],"wed":["09:00","17:00"],"thu":["09:00","17:00"],"fri":["09:00","17:00"],"sat":null,"sun":null},"dmsId":7}',
      1,
    );
    const form = stored(store);
    expect(form['businessHours']).toMatchObject({ sun: null });
    expect(form['raw']).toEqual({ dmsId: 7 });
    expect(expandStoredRecord('store', 's', form)).toEqual({ ...store, line: 0 });
  });

  it('an activity is read back with the store it is stored under', () => {
    const activity = EXAMPLES.find((r) => r.type === 'activity')!;
    const back = expandStoredRecord('activity', 'other-store', stored(activity));
    expect(back).toMatchObject({ type: 'activity', storeId: 'other-store', id: activity.id });
  });
});
