import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CSV_PRESETS } from './csv-presets';
import { parseCsv } from './csv.parser';

const CTX = { storeId: 's1', timeZone: 'America/Chicago', emailDomains: [], phoneNumbers: [] };
const calls = CSV_PRESETS['calls']!;
const HEAD =
  'Call ID,Start Time,Direction,Customer Phone Number,Tracking Number,Duration,Call Status';
const goodRow = (i: number) =>
  `G${i},3/${(i % 27) + 1}/2026 9:55 AM,Inbound,312555${String(1000 + i).slice(-4)},3125550100,${i % 600},Answered`;

/** Rows that are wrong in one way each: impossible dates, bad enums, huge or hostile cells. */
const badRow = fc.oneof(
  fc.constant('B,2/30/2026 9:55 AM,Inbound,3125559876,3125550100,10,Answered'),
  fc.constant('B,13/45/2026 25:99 PM,Inbound,3125559876,3125550100,10,Answered'),
  fc.constant('B,3/2/2026 9:55 AM,Upward,3125559876,3125550100,10,Answered'),
  fc.constant('B,3/2/2026 9:55 AM,Inbound,3125559876,3125550100,999999,Answered'),
  fc.constant(`B,3/2/2026 9:55 AM,Inbound,3125559876,3125550100,${'9'.repeat(5000)},Answered`),
  fc.constant(`${'x'.repeat(300)},3/2/2026 9:55 AM,Inbound,3125559876,3125550100,10,Answered`),
  fc.string({ maxLength: 30 }).map((s) => `B,${s.replace(/[",\r\n]/g, '')},Inbound,1,2,3,Answered`),
);

describe('parseCsv under hostile input', () => {
  it('never throws on arbitrary bytes, and every issue has a location and a reason', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1500 }), (bytes) => {
        const result = parseCsv(
          Buffer.from(`${HEAD}\n${Buffer.from(bytes).toString('latin1')}`, 'latin1'),
          CTX,
          calls,
        );
        for (const issue of result.rejected) {
          expect(issue.location).toMatch(/^(file|line \d+)$/);
          expect(issue.reason).not.toBe('');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary text, headers included', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), (text) => {
        const result = parseCsv(text, CTX, calls);
        expect(Array.isArray(result.records)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every good row in a mix and reports each bad row on its own line', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.nat(500).map((n) => ({ good: n })),
            badRow.map((row) => ({ bad: row })),
          ),
          { maxLength: 15 },
        ),
        fc.boolean(),
        (items, crlf) => {
          const nl = crlf ? '\r\n' : '\n';
          const lines = items.map((it, i) => ('good' in it ? goodRow(it.good * 100 + i) : it.bad));
          const result = parseCsv([HEAD, ...lines].join(nl) + nl, CTX, calls);
          const goods = items.filter((it) => 'good' in it).length;
          expect(result.records.filter((r) => r.id.startsWith('G'))).toHaveLength(goods);
          items.forEach((it, i) => {
            if ('bad' in it && !result.records.some((r) => r.id === 'B')) {
              expect(result.rejected.some((r) => r.location === `line ${i + 2}`)).toBe(true);
            }
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('survives every truncation of a valid export, keeping the complete rows before the cut', () => {
    const text = `${HEAD}\n${[1, 2, 3, 4].map(goodRow).join('\n')}\n`;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: text.length }), (cut) => {
        const result = parseCsv(text.slice(0, cut), CTX, calls);
        const completeLines = text.slice(0, cut).split('\n').length - 2;
        expect(result.records.length).toBeGreaterThanOrEqual(Math.max(0, completeLines));
      }),
      { numRuns: 200 },
    );
  });
});
