import { CandorException, ErrorCode } from '@candor/shared-errors';
import {
  type ConnectionArgs,
  type ConnectionShape,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
} from './connection.types';

export type KeyValue = string | number;

/** A validated page request in keyset form: how many, which direction, after/before which key. */
export interface PageRequest {
  limit: number;
  direction: 'forward' | 'backward';
  /** Keyset position to start strictly after (forward) or before (backward). */
  cursorKey: KeyValue[] | null;
}

export function encodeCursor(key: KeyValue[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, field: string): KeyValue[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.every((k) => typeof k === 'string' || typeof k === 'number')) {
      return key as KeyValue[];
    }
  } catch {
    // fall through to the error below
  }
  throw new CandorException(ErrorCode.BadUserInput, `${field}: not a valid cursor`, [
    { field, message: 'not a valid cursor' },
  ]);
}

function checkSize(value: number | null | undefined, field: string): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE) {
    const message = `must be between 1 and ${MAX_PAGE_SIZE}`;
    throw new CandorException(ErrorCode.BadUserInput, `${field}: ${message}`, [{ field, message }]);
  }
  return value;
}

/** Validates Relay arguments: `first`/`after` pages forward, `last`/`before` backward. */
export function pageRequest(args: ConnectionArgs): PageRequest {
  const first = checkSize(args.first, 'first');
  const last = checkSize(args.last, 'last');
  if ((first !== undefined || args.after) && (last !== undefined || args.before)) {
    const message = 'use first/after to page forward or last/before to page backward, not both';
    throw new CandorException(ErrorCode.BadUserInput, message, [{ field: 'last', message }]);
  }
  if (last !== undefined || args.before) {
    return {
      limit: last ?? DEFAULT_PAGE_SIZE,
      direction: 'backward',
      cursorKey: args.before ? decodeCursor(args.before, 'before') : null,
    };
  }
  return {
    limit: first ?? DEFAULT_PAGE_SIZE,
    direction: 'forward',
    cursorKey: args.after ? decodeCursor(args.after, 'after') : null,
  };
}

/**
 * Turns up to `limit + 1` rows fetched in the request's direction into a connection: the extra
 * row only says whether another page exists.
 */
export function toConnection<R, T>(
  request: PageRequest,
  rows: R[],
  totalCount: number,
  keyOf: (row: R) => KeyValue[],
  toNode: (row: R) => T,
): ConnectionShape<T> {
  const hasMore = rows.length > request.limit;
  const page = rows.slice(0, request.limit);
  if (request.direction === 'backward') page.reverse();
  const edges = page.map((row) => ({ cursor: encodeCursor(keyOf(row)), node: toNode(row) }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    totalCount,
    pageInfo: {
      hasNextPage: request.direction === 'forward' ? hasMore : request.cursorKey !== null,
      hasPreviousPage: request.direction === 'backward' ? hasMore : request.cursorKey !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
