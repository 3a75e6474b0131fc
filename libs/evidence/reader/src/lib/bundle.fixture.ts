import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EvidenceRecord } from '@candor/evidence-domain';
import { expect } from 'vitest';
import { readBundle } from './bundle-reader';
import type { ReadOptions, ReadSummary } from './read-summary';

/** Valid lines from the interchange.md example. */
export const GOOD = {
  store:
    '{"type":"store","id":"smith-toyota","name":"Smith Toyota","timeZone":"America/Chicago","emailDomains":["smithtoyota.com"]}',
  user: '{"type":"user","id":"u-17","storeId":"smith-toyota","name":"Dana Reyes","role":"bdc","emails":["dana@smithtoyota.com"]}',
  lead: '{"type":"lead","id":"L-4411","storeId":"smith-toyota","receivedAt":"2026-03-02T09:14:00-06:00","customer":{"name":"Pat Example","emails":["pat@example.org"]},"comments":"Is it available?"}',
  activity:
    '{"type":"activity","id":"C-88","storeId":"smith-toyota","leadId":"L-4411","channel":"call","direction":"outbound","evidence":"recorded","at":"2026-03-02T09:55:10-06:00","durationSec":12}',
  note: '{"type":"note","id":"N-5","storeId":"smith-toyota","leadId":"L-4411","at":"2026-03-03T11:00:00-06:00","text":"Prefers evening calls."}',
  sale: '{"type":"sale","id":"D-77","storeId":"smith-toyota","leadId":"L-4411","soldAt":"2026-03-05T19:20:00-06:00","userId":"u-17"}',
} as const;

export function noteLine(id: string, text = 'called back'): string {
  return JSON.stringify({
    type: 'note',
    id,
    storeId: 'smith-toyota',
    leadId: 'L-4411',
    at: '2026-03-03T11:00:00-06:00',
    text,
  });
}

/** A directory under the OS temp dir, removed by the returned cleanup. */
export function tempDir(): {
  path: (name: string) => string;
  write: (name: string, data: Buffer | string) => string;
  remove: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'candor-reader-'));
  return {
    path: (name) => join(dir, name),
    write: (name, data) => {
      const file = join(dir, name);
      writeFileSync(file, data);
      return file;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export async function collect(
  input: string | NodeJS.ReadableStream,
  options: ReadOptions = {},
): Promise<{ records: EvidenceRecord[]; summary: ReadSummary }> {
  const records: EvidenceRecord[] = [];
  const summary = await readBundle(input, { ...options, onRecord: (r) => records.push(r) });
  return { records, summary };
}

/** Every line is accepted, rejected, a duplicate or blank: exactly one of them. */
export function expectEveryLineCountedOnce(summary: ReadSummary, records: EvidenceRecord[]): void {
  expect(summary.accepted + summary.rejectedLines + summary.duplicateCount + summary.blank).toBe(
    summary.lines,
  );
  expect(records).toHaveLength(summary.accepted);
  const lineSets = [
    records.map((r) => r.line),
    [...new Set(summary.rejected.filter((r) => r.field !== '(file)').map((r) => r.line))],
    summary.duplicates.map((d) => d.line),
  ];
  const all = lineSets.flat();
  expect(new Set(all).size).toBe(all.length);
  for (const line of all) expect(line >= 1 && line <= summary.lines).toBe(true);
  expect(summary.rejectedCount).toBeGreaterThanOrEqual(summary.rejectedLines);
}
