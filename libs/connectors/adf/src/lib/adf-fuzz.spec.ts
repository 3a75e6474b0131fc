import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseAdf } from './adf.parser';

const CTX = { storeId: 's1', timeZone: 'America/Chicago', emailDomains: [], phoneNumbers: [] };
const good = (id: number) =>
  `<prospect><id source="cars.com">G${id}</id><requestdate>2026-03-0${(id % 9) + 1}T10:00:00-06:00</requestdate><customer><contact><name part="full">Good ${id}</name><email>g${id}@example.org</email></contact></customer></prospect>`;

/** Prospects that are well-formed XML but wrong in content, each in its own way. */
const badProspect = fc.oneof(
  fc.constant('<prospect><id>B</id><requestdate>2026-13-45T99:00:00</requestdate></prospect>'),
  fc.constant('<prospect><id>B</id></prospect>'),
  fc.constant('<prospect><id>B</id><requestdate>1850-01-01T00:00:00Z</requestdate></prospect>'),
  fc
    .string({ maxLength: 40 })
    .map(
      (s) => `<prospect><id>B</id><requestdate>${s.replace(/[<&]/g, '')}</requestdate></prospect>`,
    ),
);

function checkIssues(result: ReturnType<typeof parseAdf>): void {
  for (const issue of result.rejected) {
    expect(issue.location).toMatch(/^(document|prospect \d+)$/);
    expect(issue.reason.length).toBeGreaterThan(0);
  }
}

describe('parseAdf under hostile input', () => {
  it('never throws on arbitrary bytes and always explains a rejection', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const result = parseAdf(Buffer.from(bytes), CTX);
        checkIssues(result);
        expect(result.records.length + result.rejected.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on any truncation of a valid document; whole prospects before the cut survive', () => {
    const doc = `<?xml version="1.0"?><adf>${good(1)}${good(2)}${good(3)}</adf>`;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: doc.length }), (cut) => {
        const text = doc.slice(0, cut);
        const result = parseAdf(text, CTX);
        checkIssues(result);
        let complete = 0;
        for (let i = 1; i <= 3; i++) if (text.includes(good(i))) complete++;
        expect(result.records.length).toBe(complete);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every good prospect in a mix with bad ones and names each bad one', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.nat(50).map((n) => ({ good: n })),
            badProspect.map((xml) => ({ bad: xml })),
          ),
          { maxLength: 12 },
        ),
        (items) => {
          const body = items
            .map((it, i) => ('good' in it ? good(it.good * 100 + i) : it.bad))
            .join('');
          const result = parseAdf(`<adf>${body}</adf>`, CTX);
          checkIssues(result);
          const goods = items.filter((it) => 'good' in it).length;
          expect(result.records.filter((r) => r.id.startsWith('G'))).toHaveLength(goods);
          items.forEach((it, i) => {
            if ('bad' in it && !result.records.some((r) => r.id === 'B')) {
              expect(result.rejected.some((r) => r.location === `prospect ${i + 1}`)).toBe(true);
            }
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses every DOCTYPE / entity trick without expanding it', () => {
    const tricks = fc.constantFrom(
      '<!DOCTYPE adf SYSTEM "http://evil.example/adf.dtd">',
      '<!DOCTYPE adf [<!ENTITY % p SYSTEM "http://evil.example/x">%p;]>',
      `<!DOCTYPE a [${Array.from({ length: 10 }, (_, i) => `<!ENTITY l${i + 1} "${'&l'.concat(String(i), ';').repeat(10)}">`).join('')}]>`,
    );
    fc.assert(
      fc.property(tricks, fc.constantFrom('&l10;', '&xxe;', '&p;'), (doctype, ref) => {
        const result = parseAdf(
          `<?xml version="1.0"?>${doctype}<adf><prospect><id>${ref}</id></prospect></adf>`,
          CTX,
        );
        expect(result.records).toEqual([]);
        expect(result.rejected[0]!.reason).toMatch(/DOCTYPE/);
      }),
      { numRuns: 30 },
    );
  });

  it('caps huge fields and deep nesting with a reason', () => {
    const huge = parseAdf(
      `<adf><prospect><id>1</id><requestdate>2026-03-01T10:00:00Z</requestdate><customer><comments>${'x'.repeat(200_000)}</comments></customer></prospect></adf>`,
      CTX,
    );
    expect(huge.rejected[0]!.reason).toMatch(/holds more than 100000 characters/);
    const deep = parseAdf(`<adf>${'<x>'.repeat(100)}${'</x>'.repeat(100)}</adf>`, CTX);
    expect(deep.rejected[0]!.reason).toMatch(/nested more than 32 deep/);
  });
});
