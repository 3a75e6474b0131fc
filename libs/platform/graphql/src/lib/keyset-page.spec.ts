import { describe, expect, it } from 'vitest';
import { CandorException } from '@candor/shared-errors';
import { decodeId, encodeId } from './global-id';
import { encodeCursor, pageRequest, toConnection } from './keyset-page';

describe('pageRequest', () => {
  it('defaults to the first 20 items', () => {
    expect(pageRequest({})).toEqual({ limit: 20, direction: 'forward', cursorKey: null });
  });

  it('reads a backward page from last/before', () => {
    const before = encodeCursor(['b', 2]);
    expect(pageRequest({ last: 5, before })).toEqual({
      limit: 5,
      direction: 'backward',
      cursorKey: ['b', 2],
    });
  });

  it.each([
    [{ first: 0 }, 'first: must be between 1 and 100'],
    [{ first: 101 }, 'first: must be between 1 and 100'],
    [{ after: 'garbage!' }, 'after: not a valid cursor'],
    [
      { first: 2, before: encodeCursor(['x']) },
      'use first/after to page forward or last/before to page backward, not both',
    ],
  ])('rejects %j', (args, message) => {
    expect(() => pageRequest(args)).toThrow(message);
  });
});

describe('toConnection', () => {
  const rows = ['a', 'b', 'c'];
  const keyOf = (r: string) => [r];

  it('uses the extra row only to say a next page exists', () => {
    const page = toConnection(
      { limit: 2, direction: 'forward', cursorKey: null },
      rows,
      3,
      keyOf,
      (r) => r,
    );
    expect(page.nodes).toEqual(['a', 'b']);
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(page.pageInfo.endCursor).toBe(encodeCursor(['b']));
  });

  it('restores ascending order on a backward page', () => {
    const page = toConnection(
      { limit: 2, direction: 'backward', cursorKey: ['d'] },
      ['c', 'b', 'a'],
      4,
      keyOf,
      (r) => r,
    );
    expect(page.nodes).toEqual(['b', 'c']);
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
  });
});

describe('global ids', () => {
  const uuid = '3f1c2a4e-8b7d-4c6e-9f0a-1b2c3d4e5f60';

  it('round-trips a typed id', () => {
    expect(decodeId('Store', encodeId('Store', uuid))).toBe(uuid);
  });

  it('refuses an id of another type or a made-up one', () => {
    expect(() => decodeId('Store', encodeId('User', uuid))).toThrow(CandorException);
    expect(() => decodeId('Store', 'hello')).toThrow('id: not a valid Store id');
  });
});
