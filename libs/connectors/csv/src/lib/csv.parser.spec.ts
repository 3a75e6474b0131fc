import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ActivityRecord, LeadRecord, TaskRecord } from '@candor/evidence-domain';
import { checkMapping, type CsvMapping } from './csv-mapping';
import { CSV_PRESETS } from './csv-presets';
import { parseCsv } from './csv.parser';

const CTX = {
  storeId: 'smith-toyota',
  timeZone: 'America/Chicago',
  emailDomains: ['smithtoyota.com'],
  phoneNumbers: ['+13125550100'],
};
const fixture = (name: string) =>
  readFileSync(join(__dirname, '../../../../../test/fixtures/vendors', name));
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('parseCsv presets', () => {
  it('csv:calls reads a call-tracking export (BOM, CRLF, quoted line breaks, m:ss durations)', () => {
    const result = parseCsv(fixture('calls.csv'), CTX, CSV_PRESETS['calls']!);
    expect(result.rejected).toEqual([]);
    const calls = result.records as ActivityRecord[];
    expect(calls.map((c) => c.id)).toEqual(['CAL-1001', 'CAL-1002', 'CAL-1003']);
    expect(calls[0]).toMatchObject({
      channel: 'call',
      direction: 'outbound',
      evidence: 'recorded',
      from: '+13125550100',
      to: '+13125559876',
      durationSec: 12,
      outcome: 'voicemail',
      answeredBy: 'machine',
      userId: 'u-17',
      transcript: 'Hi Pat, this is Dana at Smith Toyota,\r\ncall me at 312 555 0100',
    });
    expect(iso(calls[0]!.at)).toBe('2026-03-02T15:55:00.000Z');
    expect(calls[1]).toMatchObject({
      direction: 'inbound',
      from: '+13125554410',
      to: '+13125550101',
      durationSec: 275,
      outcome: 'connected',
    });
    expect(calls[2]).toMatchObject({ outcome: 'no_answer', durationSec: 0, answeredBy: null });
  });

  it('csv:crm-leads joins name columns, splits phones and maps lead types', () => {
    const result = parseCsv(fixture('crm-leads.csv'), CTX, CSV_PRESETS['crm-leads']!);
    expect(result.rejected).toEqual([]);
    const [pat, jordan, sam] = result.records as LeadRecord[];
    expect(pat).toMatchObject({
      id: 'L-4411',
      source: 'Cars.com',
      kind: 'internet',
      customer: { name: 'Pat Example', emails: ['pat@example.org'], phones: ['+13125559876'] },
      vehicle: { year: 2024, make: 'Toyota', model: 'RAV4', status: 'new' },
    });
    expect(iso(pat!.receivedAt)).toBe('2026-03-02T15:14:00.000Z');
    expect(jordan!.comments).toBe('Trade-in: 2015 Civic, "clean"');
    expect(sam).toMatchObject({ kind: 'walk_in', vehicle: null });
  });

  it('csv:crm-tasks and csv:crm-activities make tasks and claimed activities', () => {
    const tasks = parseCsv(fixture('crm-tasks.csv'), CTX, CSV_PRESETS['crm-tasks']!);
    expect(tasks.rejected).toEqual([]);
    expect(
      (tasks.records as TaskRecord[]).map((t) => [
        t.id,
        t.taskType,
        t.completedAt !== null,
        t.dismissedAt !== null,
      ]),
    ).toEqual([
      ['T-1', 'call', true, false],
      ['T-2', 'email', false, false],
      ['T-3', 'call', false, true],
    ]);
    const acts = parseCsv(fixture('crm-activities.csv'), CTX, CSV_PRESETS['crm-activities']!);
    expect(acts.rejected).toEqual([]);
    expect(
      (acts.records as ActivityRecord[]).map((a) => [a.channel, a.direction, a.evidence]),
    ).toEqual([
      ['call', 'outbound', 'claimed'],
      ['email', 'outbound', 'claimed'],
      ['text', 'outbound', 'claimed'],
    ]);
  });
});

describe('parseCsv errors', () => {
  const calls = CSV_PRESETS['calls']!;
  const head =
    'Call ID,Start Time,Direction,Customer Phone Number,Tracking Number,Duration,Call Status\n';

  it('names the line, the column and the reason, and keeps the good rows', () => {
    const text = `${head}A,3/2/2026 9:55 AM,Inbound,3125559876,3125550100,10,Answered\nB,2/30/2026 9:55 AM,Inbound,3125559876,3125550100,10,Answered\nC,3/2/2026 9:55 AM,Sideways,3125559876,3125550100,10,Answered\nD,3/2/2026 9:56 AM,Inbound,3125559876,3125550100,ten,Answered\n`;
    const result = parseCsv(text, CTX, calls);
    expect(result.records.map((r) => r.id)).toEqual(['A']);
    expect(result.rejected).toEqual([
      {
        location: 'line 3',
        field: 'Start Time',
        reason: expect.stringContaining('"2/30/2026 9:55 AM" is not a date and time'),
      },
      {
        location: 'line 4',
        field: 'Direction',
        reason: expect.stringContaining('"Sideways" is not one of inbound'),
      },
      {
        location: 'line 5',
        field: 'Duration',
        reason: '"ten" is not a duration (seconds, m:ss or h:mm:ss)',
      },
    ]);
  });

  it('counts lines the way a spreadsheet shows them, after quoted line breaks', () => {
    const text = `${head.trim()},Transcription\nA,3/2/2026 9:55 AM,Inbound,3125559876,3125550100,10,Answered,"hello\nthere"\nB,never,Inbound,3125559876,3125550100,10,Answered,\n`;
    expect(parseCsv(text, CTX, calls).rejected[0]!.location).toBe('line 4');
  });

  it('reports a missing required column once, naming the headers it found', () => {
    const result = parseCsv('Call ID,When\n1,2\n', CTX, calls);
    expect(result.records).toEqual([]);
    expect(result.rejected).toEqual([
      {
        location: 'line 1',
        field: 'Start Time',
        reason: expect.stringContaining('columns: Call ID, When'),
      },
    ]);
  });

  it('reports an unclosed quote and keeps the rows before it', () => {
    const text = `${head}A,3/2/2026 9:55 AM,Inbound,3125559876,3125550100,10,Answered\nB,"3/2/2026 9:55 AM,Inbound\n`;
    const result = parseCsv(text, CTX, calls);
    expect(result.records.map((r) => r.id)).toEqual(['A']);
    expect(result.rejected).toEqual([
      { location: 'line 3', field: null, reason: expect.stringContaining('never closed') },
    ]);
  });

  it('decodes Windows-1252 exports and honours the mapping time zone and date formats', () => {
    const mapping: CsvMapping = {
      recordType: 'lead',
      columns: { id: 'Id', receivedAt: 'Quand', 'customer.name': 'Nom' },
      dateFormats: ['dd.MM.yyyy HH:mm'],
      timeZone: 'Europe/Paris',
    };
    const bytes = Buffer.from('Id;Quand;Nom\r\n1;02.03.2026 09:14;José Núñez\r\n', 'latin1');
    const [lead] = parseCsv(bytes, CTX, mapping).records as LeadRecord[];
    expect(lead!.customer.name).toBe('José Núñez');
    expect(iso(lead!.receivedAt)).toBe('2026-03-02T08:14:00.000Z');
  });

  it('gives rows without an id a stable one', () => {
    const mapping: CsvMapping = {
      recordType: 'activity',
      columns: { at: 'At' },
      constants: { channel: 'call', direction: 'inbound', evidence: 'recorded' },
    };
    const a = parseCsv('At\n2026-03-02T10:00:00Z\n', CTX, mapping).records[0]!;
    const b = parseCsv('At\n2026-03-02T10:00:00Z\n', CTX, mapping).records[0]!;
    expect(a.id).toBe(b.id);
  });

  it('explains a bad mapping file', () => {
    expect(checkMapping({ recordType: 'deal', columns: { at: 3 } })).toEqual([
      'recordType must be one of lead, task, activity, note, appointment, status, sale',
      'columns.at must be a header, or {"column": header} or {"columns": [headers]}',
    ]);
    expect(checkMapping(CSV_PRESETS['calls'])).toEqual([]);
  });
});
