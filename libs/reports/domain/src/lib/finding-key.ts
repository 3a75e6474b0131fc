import { createHash } from 'node:crypto';
import type { Finding } from '@candor/scoring';

/**
 * A finding's identity across re-grades: the same metric about the same lead, agent and leading
 * event is the same finding even when later evidence rewrites its message or adds events. It
 * keeps a finding's id stable and tells a new finding (for `finding.created`) from an old one.
 * Repeats within one report get `#2`, `#3`, … in report order.
 */
export function findingKeys(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const base = createHash('sha256')
      .update([f.metricId, f.leadId ?? '', f.userId ?? '', f.eventIds[0] ?? ''].join('\u0000'))
      .digest('base64url')
      .slice(0, 22);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}
