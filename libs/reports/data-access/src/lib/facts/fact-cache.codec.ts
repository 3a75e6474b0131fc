import { gunzipSync, gzipSync } from 'node:zlib';
import { deserialize, serialize } from 'node:v8';
import type { CachedLeadFacts, FactCache } from '@candor/scoring';

/**
 * The stored form of a report's facts: V8's structured serialization (it keeps Infinity, which
 * JSON cannot), gzipped. The format names the Node major, whose serializer wrote it; a cache in
 * any other format is ignored, and the report is graded from scratch.
 */
export const FACT_CACHE_FORMAT = `v8-${process.versions.node.split('.')[0]}-1`;

interface Stored {
  contextKey: string;
  leads: [string, CachedLeadFacts][];
}

export function encodeFactCache(cache: FactCache): Buffer {
  const stored: Stored = { contextKey: cache.contextKey, leads: [...cache.leads] };
  return gzipSync(serialize(stored), { level: 1 });
}

/** The cache, or null when it cannot be read back (it is only ever an optimization). */
export function decodeFactCache(format: string, bytes: Buffer): FactCache | null {
  if (format !== FACT_CACHE_FORMAT) return null;
  try {
    const stored = deserialize(gunzipSync(bytes)) as Stored;
    return { contextKey: stored.contextKey, leads: new Map(stored.leads) };
  } catch {
    return null;
  }
}
