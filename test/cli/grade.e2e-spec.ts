import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { METRIC_IDS, type Report } from '@candor/scoring';
import { removeTempDirs, ROOT, runCandor, tempDir } from '../support/run-cli';

afterAll(removeTempDirs);

const BUNDLE = join(ROOT, 'test', 'fixtures', 'hand-written.jsonl');
const WINDOW = [
  '--from',
  '2026-03-02',
  '--to',
  '2026-03-09',
  '--as-of',
  '2026-03-16T12:00:00-05:00',
];

/**
 * The hand-written bundle (test/fixtures/hand-written.jsonl), graded over Mon 2 – Sun 8 March
 * 2026 (America/Chicago; DST starts Sunday the 8th) as of Mon 16 March 12:00. Graded internet
 * leads: L1–L5; L6 is a walk-in; L0 arrived in February.
 */
const EXPECTED: Record<string, number | null> = {
  // True first response: L1 41 (09:14→09:55), L2 5, L3 ∞, L4 20 (Mon 19:50→Tue 09:10),
  // L5 90 (Sat 17:00→18:00 + Mon 09:00→09:30): median of [5, 20, 41, 90, ∞] = 41.
  'response.trueMedianMin': 41,
  // Nearest rank ⌈4.5⌉ = 5th value = ∞ → null.
  'response.trueP90Min': null,
  // CRM: L1 2 ("sc" task), L2 5, L3 ∞, L4 20, L5 5 (the "lm" call log at 17:05) → 5.
  'response.crmMedianMin': 5,
  'response.within15Rate': 1 / 5, // L2
  'response.noResponse24hRate': 2 / 5, // L3 never, L5 after 39.5 h
  // Leads with a CRM response: L1, L2, L4, L5; clock stops: L1 (gap 39), L5 (55 + 30 = 85).
  'clockStop.rate': 2 / 4,
  'clockStop.medianGapMin': 62,
  'clockStop.fillerShare': 1, // "sc" and "lm"
  // Call claims in the window: T1 ✗, T2 ✓ (C2 a minute earlier), K5 ✗, T0 ✗ (February lead).
  'calls.verificationRate': 1 / 4,
  // Calls in the window: C1, C2, C2b, C2c, C4 (Sam's cell); C5 falls after the window.
  'calls.offSystemRate': 1 / 5,
  // E1 (gmail) and E4 (store); the automated AE5 does not count.
  'email.personalDomainRate': 1 / 2,
  // C1 names Dana and Smith Toyota; C4 names neither.
  'voicemail.recognizableRate': 1 / 2,
  'tasks.overdueCount': 2, // T2b, T3 still open on the 16th
  // Due in the window: T0, T1, T2 (done on time), T2b, T3 (open).
  'tasks.overdueRate': 2 / 5,
  'tasks.onTimeRate': 3 / 5,
  'tasks.uncorroboratedRate': 2 / 3, // T0, T1 of T0, T1, T2
  // E-mail/text tasks 0/1 done, call tasks 3/4 → 0 − 0.75.
  'tasks.cherryPickIndex': -0.75,
  'notes.substantiveRate': 1 / 6, // L1 of L1–L6
  'notes.personalDetailRate': 1 / 6, // "daughter", "softball"
  // L1 sold within 7 days; L2 3, L3 0, L4 2, L5 1 → median of [0, 1, 2, 3].
  'persistence.medianAttempts7d': 1.5,
  'persistence.prematureCloseRate': 1, // L4 lost after 2 attempts and 1.7 days
  'persistence.neglectedRate': 1, // L2, L3, L5 open with nothing since the 13th
  'persistence.neverContactedRate': 1 / 5, // L3
  // Calls after the arrival day: C2b (10 min from 10:00) ✓ connected, C2c (30 min) ✓, C4 (530 min) ✗.
  'timing.arrivalWindowShare': 2 / 3,
  'timing.arrivalWindowConnectRate': 1 / 2,
  'timing.otherConnectRate': 0,
  'appointments.setRate': 2 / 6, // L1, L6
  'appointments.confirmedRate': 1 / 2, // A1 confirmed, A6 not
  'appointments.showRate': 1, // A1, A6
  'appointments.soldFromShowRate': 1 / 2, // L1 bought, L6 did not
  // Steps due/satisfied: L1 2/4 (sold Thu), L2 3/5, L3 0/3 (no e-mail address: its two e-mail
  // steps are not due), L4 1/3 (closed Wed), L5 1/5.
  'process.cadenceCompliance': 7 / 20,
  // Dana 4 and Sam 1 tasks due over 6 business days (Sunday closed).
  'process.tasksPerAgentDay': 5 / 12,
};

async function gradeJson(args: string[]): Promise<Report> {
  const result = await runCandor(['grade', BUNDLE, ...WINDOW, '--format', 'json', ...args]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Report;
}

describe('candor grade on a hand-written bundle', () => {
  it('reproduces the specification value of every metric', async () => {
    const report = await gradeJson([]);
    const store = report.stores[0]!;
    expect(Object.keys(store.metrics)).toEqual([...METRIC_IDS]);
    for (const id of METRIC_IDS) {
      const expected = EXPECTED[id];
      if (expected === null) expect(store.metrics[id].value, id).toBeNull();
      else expect(store.metrics[id].value, id).toBeCloseTo(expected!, 12);
    }
    expect(report.window).toEqual({
      from: '2026-03-02T06:00:00.000Z',
      to: '2026-03-09T05:00:00.000Z',
      asOf: '2026-03-16T17:00:00.000Z',
    });
  });

  it('grades each agent on their own leads and events', async () => {
    const store = (await gradeJson([])).stores[0]!;
    const dana = store.agents.find((a) => a.userId === 'u-dana')!;
    const sam = store.agents.find((a) => a.userId === 'u-sam')!;
    expect(dana.metrics['clockStop.rate'].value).toBe(2 / 3); // L1, L5 of L1, L2, L5
    expect(sam.metrics['clockStop.rate'].value).toBe(0); // L4 answered for real
    expect(sam.metrics['calls.offSystemRate'].value).toBe(1); // C4, found by Sam's cell number
    expect(dana.metrics['email.personalDomainRate'].value).toBe(1);
    expect(sam.metrics['persistence.prematureCloseRate'].value).toBe(1);
    expect(
      store.findings.filter((f) => f.metricId === 'clockStop.rate').map((f) => f.leadId),
    ).toEqual(['L1', 'L5']);
  });

  it('prints a table a person can read, with CRM claims beside reality', async () => {
    const { code, stdout } = await runCandor(['grade', BUNDLE, ...WINDOW]);
    expect(code).toBe(0);
    expect(stdout).toContain('Smith Toyota (smith-toyota)');
    expect(stdout).toMatch(/Median first response\s+5 min\s+41 min/);
    expect(stdout).toMatch(/Calls logged in the CRM\s+4\s+1 on the phone system \(25\.0%\)/);
    expect(stdout).toContain(
      "[high] Lead L1: call task completed 2 min after arrival with comment 'sc'",
    );
    expect(stdout).toContain('2026-03-02 00:00 → 2026-03-09 00:00 America/Chicago');
  });

  it('writes CSV and Markdown', async () => {
    const csv = await runCandor(['grade', BUNDLE, ...WINDOW, '--format', 'csv']);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'policy_version,window_from,window_to,as_of,store_id,scope,user_id,name,metric_id,value,n,subscore',
    );
    expect(lines).toContain(
      'default-1,2026-03-02T06:00:00.000Z,2026-03-09T05:00:00.000Z,2026-03-16T17:00:00.000Z,smith-toyota,store,,Smith Toyota,clockStop.rate,0.5,4,0',
    );
    // One row per metric for the store and each of its two agents.
    expect(lines).toHaveLength(1 + 3 * METRIC_IDS.length);
    const md = await runCandor(['grade', BUNDLE, ...WINDOW, '--format', 'markdown']);
    expect(md.stdout).toContain('## Smith Toyota');
    expect(md.stdout).toContain('| `clockStop.rate` | 50.0% | 4 | 0.0 |');
  });

  it('reads standard input and gzip, giving the same report', async () => {
    const plain = await gradeJson([]);
    const raw = readFileSync(BUNDLE);
    const fromStdin = await runCandor(['grade', '-', ...WINDOW, '--format', 'json'], raw);
    expect(JSON.parse(fromStdin.stdout)).toEqual(plain);
    const dir = tempDir('candor-cli-');
    writeFileSync(join(dir, 'b.jsonl.gz'), gzipSync(raw));
    const fromGz = await runCandor([
      'grade',
      join(dir, 'b.jsonl.gz'),
      ...WINDOW,
      '--format',
      'json',
    ]);
    expect(JSON.parse(fromGz.stdout)).toEqual(plain);
  });

  it('grades the accepted lines, reports the rejected ones on stderr, and fails under --strict', async () => {
    const bad = [
      readFileSync(BUNDLE, 'utf8').trimEnd(),
      '{"type":"lead","id":"BAD1","storeId":"smith-toyota","receivedAt":"2026-03-02T25:00:00-06:00","customer":{}}',
      'not json at all',
      '{"type":"activity","id":"C1","storeId":"smith-toyota","leadId":"L1","channel":"call","direction":"outbound","evidence":"recorded","at":"2026-03-02T09:55:00-06:00"}',
    ].join('\n');
    const lenient = await runCandor(['grade', '-', ...WINDOW, '--format', 'json'], bad);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toContain('stdin: 2 line(s) rejected');
    expect(lenient.stderr).toMatch(/line 32, receivedAt: /);
    expect(lenient.stderr).toMatch(/line 33, \(line\): /);
    expect(lenient.stderr).toContain(
      'line 34: activity C1 of store smith-toyota already on line 8',
    );
    const report = JSON.parse(lenient.stdout) as Report;
    expect(report.stores[0]!.metrics['response.trueMedianMin'].value).toBe(41);

    const strict = await runCandor(['grade', '-', ...WINDOW, '--strict'], bad);
    expect(strict.code).toBe(3);
    expect(strict.stdout).toBe('');
    expect(strict.stderr).toContain('--strict');
  });

  it('applies a policy file and names it in the report', async () => {
    const dir = tempDir('candor-policy-');
    const policy = join(dir, 'policy.json');
    writeFileSync(policy, JSON.stringify({ version: 'acme-1', corroborationWindowMin: 60 }));
    const report = await gradeJson(['--policy', policy]);
    expect(report.policyVersion).toBe('acme-1');
    // With a 60-minute window C1 (39 min after T1) corroborates the "sc" task.
    expect(report.stores[0]!.metrics['calls.verificationRate'].value).toBe(2 / 4);
  });
});

describe('candor grade usage errors', () => {
  it.each([
    [['grade'], 'give exactly one bundle file'],
    [
      ['grade', BUNDLE, '--format', 'xml'],
      '--format must be one of table, json, csv, markdown (got "xml")',
    ],
    [['grade', BUNDLE, '--from', 'March'], '--from "March" is not a date or time'],
    [['grade', BUNDLE, '--bogus'], "Unknown option '--bogus'"],
    [['grade', '/nonexistent/bundle.jsonl'], '/nonexistent/bundle.jsonl: no such file'],
    [
      ['grade', BUNDLE, '--store', 'nope'],
      '--store nope is not in the bundle (stores: smith-toyota)',
    ],
    [['grade', BUNDLE, '--from', '2026-03-09', '--to', '2026-03-02'], '--from must be before --to'],
    [['nope'], 'unknown command "nope"'],
  ])('exits 2 for %j with a clear message', async (args, message) => {
    const result = await runCandor(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('explains a bad policy file field by field', async () => {
    const dir = tempDir('candor-policy-');
    const policy = join(dir, 'policy.json');
    writeFileSync(policy, JSON.stringify({ neglectDyas: 4 }));
    const result = await runCandor(['grade', BUNDLE, '--policy', policy]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('neglectDyas: is not a policy setting');
  });
});
