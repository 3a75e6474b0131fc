import { finished } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { compactRecord, type EvidenceRecord } from '@candor/evidence-domain';
import type { TenantTransaction } from '@candor/platform-database';
import { stagedFields } from './evidence-tables';

/** A validated record with what writing it needs, computed once. */
export interface PreparedRecord {
  /** The stored `record jsonb`, as text. */
  json: string;
  lead: string | null;
  t1: number | null;
  t2: number | null;
}

const NUL_ESCAPE = /(?<!\\)((?:\\\\)*)\\u0000/g;

/**
 * The record as stored (`compactRecord`: no type, store, line or top-level nulls; the reader
 * expands it). jsonb cannot hold U+0000, so a NUL in free text becomes U+FFFD; the exact bytes
 * stay in the raw payload archive.
 */
export function prepareRecord(record: EvidenceRecord): PreparedRecord {
  let json = JSON.stringify(compactRecord(record));
  if (json.includes('\\u0000')) json = json.replace(NUL_ESCAPE, '$1\\ufffd');
  const [lead, t1, t2] = stagedFields(record);
  return { json, lead, t1, t2 };
}

/**
 * Runs `COPY … FROM STDIN` in this transaction, sending these pieces of COPY data.
 * The pieces are already in memory, so they are all handed to the stream at once: the socket
 * then sends them without waiting for an event-loop turn per piece (the loop is busy parsing
 * the next batch, and the server would idle between pieces).
 */
export async function copyPieces(
  tx: TenantTransaction,
  copySql: string,
  pieces: readonly Buffer[],
): Promise<void> {
  const runner = tx.manager.queryRunner;
  if (!runner) throw new Error('TenantTransaction used outside its transaction');
  const client = (await runner.connect()) as PoolClient;
  const copy = client.query(copyFrom(copySql));
  const done = finished(copy);
  for (const piece of pieces) copy.write(piece);
  copy.end();
  await done;
}
