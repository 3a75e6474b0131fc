import { describe, expect, it } from 'vitest';
import { CandorException } from '@candor/shared-errors';
import { pageOfList } from './list-page';

const rows = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }));
const ids = (page: { nodes: { id: string }[] }) => page.nodes.map((n) => n.id);

describe('pageOfList', () => {
  it('pages forward with totalCount and a cursor that resumes after the last item', () => {
    const first = pageOfList({ first: 2 }, rows, (r) => r);
    expect(ids(first)).toEqual(['a', 'b']);
    expect(first.totalCount).toBe(5);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = pageOfList({ first: 2, after: first.pageInfo.endCursor }, rows, (r) => r);
    expect(ids(second)).toEqual(['c', 'd']);
    const last = pageOfList({ first: 2, after: second.pageInfo.endCursor }, rows, (r) => r);
    expect(ids(last)).toEqual(['e']);
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('pages backward in list order', () => {
    const tail = pageOfList({ last: 2 }, rows, (r) => r);
    expect(ids(tail)).toEqual(['d', 'e']);
    expect(tail.pageInfo.hasPreviousPage).toBe(true);
    const before = pageOfList({ last: 2, before: tail.pageInfo.startCursor }, rows, (r) => r);
    expect(ids(before)).toEqual(['b', 'c']);
  });

  it('answers bad input for a cursor whose item is gone', () => {
    const cursor = pageOfList({ first: 1 }, [{ id: 'zz' }], (r) => r).pageInfo.endCursor;
    expect(() => pageOfList({ first: 1, after: cursor }, rows, (r) => r)).toThrow(CandorException);
  });
});
