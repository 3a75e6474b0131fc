import { createHash } from 'node:crypto';

/**
 * A deterministic id for vendor items that carry none (an ADF lead without `<id>`, a CSV row
 * without an id column): the same content gives the same id, so re-importing stays a no-op.
 */
export function stableId(prefix: string, ...parts: readonly (string | null | undefined)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${part ?? ''}\u0000`);
  return `${prefix}-${hash.digest('hex').slice(0, 20)}`;
}
