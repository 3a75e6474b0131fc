import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { EvidenceRecord } from '@candor/evidence-domain';
import { readBundle } from '@candor/evidence-reader';
import { removeTempDirs, ROOT, runCandor, tempDir } from '../support/run-cli';

afterAll(removeTempDirs);

const VENDORS = join(ROOT, 'test', 'fixtures', 'vendors');
const STORE = [
  '--store',
  'smith-toyota',
  '--time-zone',
  'America/Chicago',
  '--email-domain',
  'smithtoyota.com',
  '--phone',
  '+13125550100',
  '--phone',
  '+13125550101',
];

/** Converts a sample and reads the output back with the bundle reader the importer uses. */
async function convert(from: string, file: string, extra: string[] = []) {
  const result = await runCandor([
    'convert',
    '--from',
    from,
    join(VENDORS, file),
    ...STORE,
    ...extra,
  ]);
  const records: EvidenceRecord[] = [];
  const summary = await readBundle(Readable.from([Buffer.from(result.stdout)]), {
    onRecord: (r) => records.push(r),
  });
  return { result, summary, records };
}

const SAMPLES: [string, string, Record<string, number>][] = [
  ['adf', 'adf-lead.xml', { lead: 2 }],
  ['email', 'journaled.eml', { activity: 1 }],
  ['email', 'adf-by-mail.eml', { lead: 1 }],
  ['twilio', 'twilio-calls-page.json', { activity: 3 }],
  [
    'elead',
    'elead-opportunities.json',
    { lead: 2, status: 1, sale: 1, activity: 4, task: 2, note: 1, appointment: 1 },
  ],
  [
    'vinsolutions',
    'vinsolutions-feeds.jsonl',
    { lead: 2, status: 1, task: 2, appointment: 1, activity: 1 },
  ],
  ['csv:calls', 'calls.csv', { activity: 3 }],
  ['csv:crm-leads', 'crm-leads.csv', { lead: 3 }],
  ['csv:crm-tasks', 'crm-tasks.csv', { task: 3 }],
  ['csv:crm-activities', 'crm-activities.csv', { activity: 3 }],
];

describe('candor convert', () => {
  it.each(SAMPLES)(
    '--from %s %s writes a bundle the reader accepts in full',
    async (from, file, expected) => {
      const { result, summary, records } = await convert(from, file);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(summary.rejected).toEqual([]);
      expect(summary.duplicateCount).toBe(0);
      expect(summary.accepted).toBe(summary.lines);
      const counts: Record<string, number> = {};
      for (const r of records) counts[r.type] = (counts[r.type] ?? 0) + 1;
      expect(counts).toEqual(expected);
      expect(records.every((r) => r.type === 'store' || r.storeId === 'smith-toyota')).toBe(true);
    },
  );

  it('writes times with the store offset and a store line when named', async () => {
    const { result, records } = await convert('adf', 'adf-lead.xml', [
      '--store-name',
      'Smith Toyota',
    ]);
    const lines = result.stdout.trim().split('\n');
    expect(JSON.parse(lines[0]!)).toEqual({
      type: 'store',
      id: 'smith-toyota',
      name: 'Smith Toyota',
      timeZone: 'America/Chicago',
      emailDomains: ['smithtoyota.com'],
      phoneNumbers: ['+13125550100', '+13125550101'],
    });
    expect(JSON.parse(lines[1]!)).toMatchObject({
      id: 'CC-88412093@cars.com',
      requestedAt: '2026-03-02T09:13:12-06:00',
    });
    expect(records[0]!.type).toBe('store');
  });

  it('reads standard input and lists what it rejected, keeping the rest', async () => {
    const csv =
      'Call ID,Start Time,Direction,Customer Phone Number,Tracking Number\nA,3/2/2026 9:55 AM,Inbound,3125559876,3125550100\nB,3/2/2026 25:00,Inbound,3125559876,3125550100\n';
    const result = await runCandor(['convert', '--from', 'csv:calls', '-'], csv);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('stdin: 1 problem(s); the other 1 record(s) are written:');
    expect(result.stderr).toContain('  line 3, Start Time: "3/2/2026 25:00" is not');
  });

  it('--strict exits 3 and writes nothing when anything is rejected', async () => {
    const result = await runCandor(
      ['convert', '--from', 'adf', '--strict', '-'],
      '<!DOCTYPE adf [<!ENTITY x "y">]><adf/>',
    );
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /document: line 1, column \d+: DOCTYPE declarations are not accepted/,
    );
  });

  it('takes a --mapping file for any CSV layout', async () => {
    const dir = tempDir('candor-convert-');
    const mapping = join(dir, 'mapping.json');
    writeFileSync(
      mapping,
      JSON.stringify({
        recordType: 'note',
        columns: { id: 'Nr', leadId: 'Lead', at: 'Wann', text: 'Notiz' },
        dateFormats: ['dd.MM.yyyy HH:mm'],
      }),
    );
    const input = join(dir, 'notes.csv');
    writeFileSync(input, 'Nr;Lead;Wann;Notiz\n1;L-1;02.03.2026 09:14;Rückruf am Abend\n');
    const result = await runCandor([
      'convert',
      '--from',
      'csv',
      '--mapping',
      mapping,
      input,
      '--time-zone',
      'Europe/Berlin',
    ]);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      type: 'note',
      id: '1',
      storeId: 'store',
      leadId: 'L-1',
      at: '2026-03-02T09:14:00+01:00',
      text: 'Rückruf am Abend',
    });
  });

  it.each([
    [['convert', 'x.xml'], /--from is required/],
    [['convert', '--from', 'fax', 'x'], /--from must be one of adf, email/],
    [['convert', '--from', 'csv:nope', join(VENDORS, 'calls.csv')], /no such CSV preset/],
    [['convert', '--from', 'csv', join(VENDORS, 'calls.csv')], /--from csv needs --mapping FILE/],
    [['convert', '--from', 'adf', '--time-zone', 'Mars/Olympus', 'x'], /is not an IANA time zone/],
    [['convert', '--from', 'adf', join(VENDORS, 'missing.xml')], /no such file/],
  ])('exits 2 with the usage for bad arguments: %j', async (args, message) => {
    const result = await runCandor(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('candor convert --from SOURCE');
  });
});
