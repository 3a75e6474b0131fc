import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_LINES } from './example-bundle.fixture';
import { validateRecord } from './record-validator';

const example = fc.constantFrom(
  ...EXAMPLE_LINES.map((l) => JSON.parse(l) as Record<string, unknown>),
);
const dangerousKey = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
);

function expectResult(value: unknown): void {
  const result = validateRecord(value, 1);
  if (result.ok) expect(result.record.line).toBe(1);
  else expect(result.errors.length).toBeGreaterThan(0);
}

describe('validateRecord on hostile input', () => {
  it('never throws for any JSON value', () => {
    fc.assert(
      fc.property(fc.json({ depthSize: 'medium' }), (text) => expectResult(JSON.parse(text))),
    );
  });

  it('never throws for any JavaScript value', () => {
    fc.assert(
      fc.property(fc.anything({ withObjectString: true, withNullPrototype: true }), expectResult),
    );
  });

  it('never throws when an example record gets junk in any field', () => {
    fc.assert(
      fc.property(
        example,
        fc.oneof(
          fc.constantFrom(...EXAMPLE_LINES.flatMap((l) => Object.keys(JSON.parse(l) as object))),
          dangerousKey,
        ),
        fc.jsonValue(),
        (record, key, junk) => expectResult({ ...record, [key]: junk }),
      ),
    );
  });

  it('keeps prototype-pollution keys as plain data and pollutes nothing', () => {
    const line =
      '{"type":"sale","id":"D","storeId":"s","leadId":"L","soldAt":"2026-03-05T19:20:00Z",' +
      '"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}';
    const result = validateRecord(JSON.parse(line), 1);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const raw = result.record.raw ?? {};
    expect(Object.keys(raw)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(raw)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect((raw as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('reports a value whose fields cannot even be read instead of throwing', () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('no keys for you');
        },
        get: () => {
          throw new Error('no fields for you');
        },
        getOwnPropertyDescriptor: () => ({ value: 'x', configurable: true, enumerable: true }),
        has: () => true,
      },
    );
    expect(validateRecord(hostile, 1)).toEqual({
      ok: false,
      errors: [{ field: '(record)', reason: expect.stringMatching(/^could not be read: no/) }],
    });
  });

  it('copes with deeply nested junk', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 10_000; i++) deep = { customer: deep, vehicle: [deep] };
    expectResult({
      type: 'lead',
      id: 'L',
      storeId: 's',
      receivedAt: '2026-03-02T09:14:00Z',
      customer: deep,
    });
    expectResult({ type: 'lead', vehicle: deep, extra: deep });
  });
});
