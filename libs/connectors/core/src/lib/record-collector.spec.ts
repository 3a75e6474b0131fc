import { describe, expect, it } from 'vitest';
import { readJsonDocuments } from './json-documents';
import { RecordCollector } from './record-collector';

describe('RecordCollector', () => {
  it('keeps valid records once and turns invalid ones into issues in the vendor’s words', () => {
    const out = new RecordCollector();
    const lead = {
      type: 'lead',
      id: 'L1',
      storeId: 's',
      receivedAt: '2026-03-02T09:00:00Z',
      customer: {},
    };
    expect(out.add(lead, 'prospect 1')).not.toBeNull();
    expect(out.add(lead, 'prospect 2')).toBeNull();
    out.add(
      { type: 'lead', id: 'L2', storeId: 's', receivedAt: 'soon', customer: {} },
      'prospect 3',
      { receivedAt: 'requestdate' },
    );
    const result = out.result();
    expect(result.records.map((r) => r.id)).toEqual(['L1']);
    expect(result.rejected).toEqual([
      { location: 'prospect 3', field: 'requestdate', reason: expect.stringContaining('"soon"') },
    ]);
  });
});

describe('readJsonDocuments', () => {
  it('reads one document or JSON Lines, reporting bad lines by number', () => {
    expect(readJsonDocuments('{"a":1}').documents).toEqual([
      { value: { a: 1 }, location: 'document' },
    ]);
    const lines = readJsonDocuments('{"a":1}\n\n{oops\n[2]\n');
    expect(lines.documents.map((d) => d.location)).toEqual(['line 1', 'line 4']);
    expect(lines.rejected).toEqual([
      { location: 'line 3', field: null, reason: expect.stringMatching(/^is not valid JSON/) },
    ]);
    expect(readJsonDocuments('  ').rejected).toEqual([
      { location: 'document', field: null, reason: 'is empty' },
    ]);
  });
});
