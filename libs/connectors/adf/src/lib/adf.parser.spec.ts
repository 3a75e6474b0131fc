import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LeadRecord } from '@candor/evidence-domain';
import { parseAdf } from './adf.parser';

const CTX = {
  storeId: 'smith-toyota',
  timeZone: 'America/Chicago',
  emailDomains: ['smithtoyota.com'],
  phoneNumbers: ['+13125550100'],
};
const SAMPLE = readFileSync(join(__dirname, '../../../../../test/fixtures/vendors/adf-lead.xml'));

const prospect = (inner: string) => `<?xml version="1.0"?><adf><prospect>${inner}</prospect></adf>`;
const leads = (xml: string | Buffer, options = {}) =>
  parseAdf(xml, CTX, options).records as LeadRecord[];

describe('parseAdf', () => {
  it('reads a real-world ADF document: several prospects, a resend, vendor tags', () => {
    const result = parseAdf(SAMPLE, CTX);
    expect(result.rejected).toEqual([]);
    expect(result.records).toHaveLength(2);
    const [pat, jordan] = result.records as LeadRecord[];
    expect(pat).toMatchObject({
      id: 'CC-88412093@cars.com',
      storeId: 'smith-toyota',
      source: 'Cars.com',
      kind: 'internet',
      customer: { name: 'Pat Example', emails: ['pat@example.org'], phones: ['+13125559876'] },
      vehicle: { year: 2024, make: 'Toyota', model: 'RAV4', status: 'new' },
      comments: 'Is it available? Can I come Saturday & test drive?',
    });
    expect(pat!.requestedAt).toBe(Date.parse('2026-03-02T09:13:12-06:00'));
    expect(pat!.raw).toMatchObject({
      vehicle: { vin: '2T3P1RFV4RW412345' },
      vendor: 'Smith Toyota',
    });
    // No offset: the store's wall time (Chicago, CST in early March).
    expect(jordan!.requestedAt).toBe(Date.parse('2026-03-02T14:40:05-06:00'));
    expect(jordan!.customer.phones).toEqual(['+13125554410']);
  });

  it('uses the receive time when given, and requestdate as requestedAt', () => {
    const receivedAt = Date.parse('2026-03-02T15:14:00Z');
    const [lead] = leads(
      prospect('<id source="x">1</id><requestdate>2026-03-02T09:13:12-06:00</requestdate>'),
      { receivedAt },
    );
    expect(lead!.receivedAt).toBe(receivedAt);
    expect(lead!.requestedAt).toBe(Date.parse('2026-03-02T15:13:12Z'));
  });

  it.each([
    ['2026-03-02T09:13:12-06:00', '2026-03-02T15:13:12Z'],
    ['2026-03-02T09:13:12-0600', '2026-03-02T15:13:12Z'],
    ['2026-03-02T09:13:12Z', '2026-03-02T09:13:12Z'],
    ['2026-03-02 09:13:12', '2026-03-02T15:13:12Z'],
    ['2026-03-02T09:13:12+9900', '2026-03-02T15:13:12Z'],
    ['3/2/2026 9:13 AM', '2026-03-02T15:13:00Z'],
  ])('reads requestdate %s', (text, expected) => {
    const [lead] = leads(prospect(`<id>9</id><requestdate>${text}</requestdate>`));
    expect(new Date(lead!.requestedAt!).toISOString().replace('.000', '')).toBe(expected);
  });

  it('rejects a prospect that cannot be placed in time but keeps the others', () => {
    const xml =
      '<adf><prospect><id>1</id><requestdate>2026-02-30T10:00:00</requestdate></prospect><prospect><id>2</id><requestdate>2026-03-01T10:00:00Z</requestdate></prospect></adf>';
    const result = parseAdf(xml, CTX);
    expect(result.records.map((r) => r.id)).toEqual(['2']);
    expect(result.rejected[0]).toMatchObject({ location: 'prospect 1', field: 'requestdate' });
    expect(result.rejected.some((r) => r.reason.includes('cannot be placed in time'))).toBe(true);
  });

  it('keeps a lead with a bad phone and says what was dropped', () => {
    const result = parseAdf(
      prospect(
        '<id>5</id><requestdate>2026-03-01T10:00:00Z</requestdate><customer><contact><phone>call me</phone><email>a@b.co</email></contact></customer>',
      ),
      CTX,
    );
    expect(result.records).toHaveLength(1);
    expect(result.rejected).toEqual([
      {
        location: 'prospect 1',
        field: 'customer/contact/phone',
        reason: expect.stringContaining('"call me" is not a phone number'),
      },
    ]);
  });

  it('refuses a DOCTYPE: no XXE, no entity expansion', () => {
    const xxe =
      '<?xml version="1.0"?><!DOCTYPE adf [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><adf><prospect><id>&xxe;</id></prospect></adf>';
    const result = parseAdf(xxe, CTX);
    expect(result.records).toEqual([]);
    expect(result.rejected[0]!.reason).toMatch(/DOCTYPE declarations are not accepted/);
    const laughs = `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><adf>&lol2;</adf>`;
    expect(parseAdf(laughs, CTX).rejected[0]!.reason).toMatch(/DOCTYPE/);
  });

  it('refuses an undeclared entity reference with its position', () => {
    const result = parseAdf('<adf>\n<prospect><id>&ent;</id></prospect></adf>', CTX);
    expect(result.rejected[0]!.reason).toMatch(/^line 2, column \d+: not well-formed XML/);
  });

  it('refuses oversized documents before parsing', () => {
    const result = parseAdf(Buffer.alloc(2 * 1024 * 1024, 0x20), CTX);
    expect(result.rejected).toEqual([
      { location: 'document', field: null, reason: 'is 2097152 bytes; the limit is 1048576 bytes' },
    ]);
  });

  it('keeps the prospects read before a truncation', () => {
    const text = SAMPLE.toString('utf8');
    const cut = text.slice(0, text.indexOf('<prospect status="new">', 200) + 40);
    const result = parseAdf(cut, CTX);
    expect(result.records.map((r) => r.id)).toEqual(['CC-88412093@cars.com']);
    expect(result.rejected[0]!.reason).toMatch(/the 2 prospect\(s\) before it are kept/);
  });

  it('reads Latin-1 bytes that do not declare their encoding', () => {
    const xml = Buffer.from(
      prospect(
        '<id>7</id><requestdate>2026-03-01T10:00:00Z</requestdate><customer><contact><name part="full">José Núñez</name></contact></customer>',
      ),
      'latin1',
    );
    expect(leads(xml)[0]!.customer.name).toBe('José Núñez');
  });

  it('explains a document that is not ADF', () => {
    expect(parseAdf('<lead><x/></lead>', CTX).rejected[0]!.reason).toMatch(
      /root element is <lead>, not <adf>/,
    );
    expect(parseAdf('', CTX).rejected[0]!.reason).toBe('is empty');
    expect(parseAdf('<adf></adf>', CTX).rejected[0]!.reason).toMatch(/holds no <prospect>/);
  });

  it('gives a lead without <id> a stable id, so a resend stays one lead', () => {
    const xml = prospect(
      '<requestdate>2026-03-01T10:00:00Z</requestdate><customer><contact><email>x@y.com</email></contact></customer>',
    );
    expect(leads(xml)[0]!.id).toBe(leads(xml)[0]!.id);
    expect(leads(xml)[0]!.id).toMatch(/^adf-[0-9a-f]{20}$/);
  });
});
