import { describe, expect, it } from 'vitest';
import {
  type AuditRecord,
  auditHash,
  canonicalJson,
  findChainBreak,
  GENESIS_HASH,
  redactSecrets,
} from './audit-chain';

function chain(n: number): (AuditRecord & { hash: string })[] {
  const rows: (AuditRecord & { hash: string })[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const record: AuditRecord = {
      consultancyId: 'c',
      seq,
      id: `id-${seq}`,
      occurredAt: '2026-01-01T00:00:00.000Z',
      actorType: 'user',
      actorId: 'u',
      action: 'store.updated',
      entityType: 'store',
      entityId: 's',
      before: { name: 'A' },
      after: { name: `B${seq}` },
      details: null,
      ip: '127.0.0.1',
      userAgent: null,
      requestId: null,
      prevHash: prev,
    };
    const hash = auditHash(record);
    rows.push({ ...record, hash });
    prev = hash;
  }
  return rows;
}

describe('audit chain', () => {
  it('hashes key order independently', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"e":3,"f":2}]},"b":1}',
    );
  });

  it('accepts an intact chain', () => {
    expect(findChainBreak(chain(5))).toBeNull();
  });

  it('names an edited row', () => {
    const rows = chain(5);
    rows[2]!.after = { name: 'forged' };
    expect(findChainBreak(rows)).toEqual({
      seq: 3,
      reason: 'content does not match its hash (edited)',
    });
  });

  it('names a deleted row', () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(findChainBreak(rows)?.seq).toBe(2);
  });

  it('names a row whose hash was recomputed after an edit (the next link breaks)', () => {
    const rows = chain(4);
    rows[1]!.action = 'nothing.happened';
    const { hash: _h, ...content } = rows[1]!;
    rows[1]!.hash = auditHash(content);
    expect(findChainBreak(rows)).toEqual({
      seq: 3,
      reason: 'does not link to the event before it',
    });
  });

  it('redacts secrets at any depth', () => {
    expect(
      redactSecrets({ input: { email: 'a@b.c', password: 'hunter2', nested: [{ token: 't' }] } }),
    ).toEqual({
      input: { email: 'a@b.c', password: '[redacted]', nested: [{ token: '[redacted]' }] },
    });
  });
});
