import type { ConnectionArgs, ConnectionShape } from './connection.types';
import { pageRequest, toConnection } from './keyset-page';
import { CandorException } from '@candor/shared-errors';

/**
 * Relay paging over a short list already read in order (a store's connectors, a report's agents):
 * one ordered read beats a keyset query per list; the cursor is the row id.
 */
export function pageOfList<R extends { id: string }, T>(
  args: ConnectionArgs,
  rows: readonly R[],
  toNode: (row: R) => T,
): ConnectionShape<T> {
  const request = pageRequest(args);
  const keyOf = (row: R) => [row.id];
  let position: number | null = null;
  if (request.cursorKey) {
    position = rows.findIndex((r) => r.id === String(request.cursorKey![0]));
    if (position < 0) {
      const field = request.direction === 'forward' ? 'after' : 'before';
      throw CandorException.invalidInput([{ field, message: 'the item it points at is gone' }]);
    }
  }
  const start = position === null ? 0 : position + 1;
  // toConnection wants limit + 1 rows in the request's direction (the extra one: more exist).
  const slice =
    request.direction === 'forward'
      ? rows.slice(start, start + request.limit + 1)
      : rows
          .slice(0, position ?? rows.length)
          .reverse()
          .slice(0, request.limit + 1);
  return toConnection(request, slice, rows.length, keyOf, toNode);
}
