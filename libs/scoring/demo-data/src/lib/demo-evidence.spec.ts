import type { EvidenceRecord } from '@candor/evidence-domain';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { PLANTED_HABITS } from './agent-habits';
import { toBundleLine } from './bundle-line';
import { demoManifest, generateDemoEvidence } from './demo-evidence';
import type { DemoOptions } from './demo-options';
import { SAMPLE_OPTIONS, demoSample } from './demo-sample.fixture';

function bundleLines(options: DemoOptions): string[] {
  const zones = new Map<string, string>();
  const lines: string[] = [];
  for (const record of generateDemoEvidence(options)) {
    if (record.type === 'store') zones.set(record.id, record.timeZone);
    const zone = zones.get(record.type === 'store' ? record.id : record.storeId);
    if (!zone) throw new Error(`${record.type} ${record.id} before its store`);
    lines.push(toBundleLine(record, zone));
  }
  return lines;
}

type Line = Record<string, unknown>;
const sample = demoSample();
const lines = bundleLines(SAMPLE_OPTIONS);

/** The fields interchange.md marks as required, per record type. */
const REQUIRED: Record<EvidenceRecord['type'], string[]> = {
  store: ['id', 'name', 'timeZone'],
  user: ['id', 'storeId', 'name'],
  lead: ['id', 'storeId', 'receivedAt', 'customer'],
  task: ['id', 'storeId', 'leadId', 'taskType', 'dueAt'],
  activity: ['id', 'storeId', 'channel', 'direction', 'evidence', 'at'],
  note: ['id', 'storeId', 'leadId', 'at', 'text'],
  appointment: ['id', 'storeId', 'leadId', 'setAt', 'startsAt'],
  status: ['id', 'storeId', 'leadId', 'at', 'status'],
  sale: ['id', 'storeId', 'leadId', 'soldAt'],
};

const ENUMS: Record<string, readonly string[]> = {
  role: ['bdc', 'sales', 'manager', 'other'],
  kind: ['internet', 'phone', 'walk_in', 'other'],
  taskType: ['call', 'email', 'text', 'appointment', 'other'],
  channel: ['call', 'email', 'text', 'visit', 'other'],
  direction: ['outbound', 'inbound'],
  evidence: ['recorded', 'claimed'],
  answeredBy: ['human', 'machine', 'unknown'],
  outcome: [
    'connected',
    'voicemail',
    'no_answer',
    'busy',
    'failed',
    'sent',
    'delivered',
    'bounced',
  ],
  status: ['active', 'lost', 'bad', 'inactive', 'sold'],
};

const TIME_FIELDS = [
  'receivedAt',
  'requestedAt',
  'createdAt',
  'dueAt',
  'completedAt',
  'dismissedAt',
  'at',
  'setAt',
  'startsAt',
  'confirmedAt',
  'shownAt',
  'cancelledAt',
  'soldAt',
];
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?[+-]\d{2}:\d{2}$/;

function instantsOf(record: EvidenceRecord): number[] {
  const fields = record as unknown as Record<string, unknown>;
  return TIME_FIELDS.map((f) => fields[f]).filter((v): v is number => typeof v === 'number');
}

describe('generateDemoEvidence', () => {
  it('gives byte-identical bundles for the same options and a different one for another seed', () => {
    expect(bundleLines(SAMPLE_OPTIONS)).toEqual(lines);
    const other = bundleLines({ ...SAMPLE_OPTIONS, seed: SAMPLE_OPTIONS.seed + 1 });
    expect(other).not.toEqual(lines);
    expect(other.slice(0, 40)).not.toEqual(lines.slice(0, 40));
  });

  it('writes every record as a bundle line with the required fields, known enum values and ISO times with offsets', () => {
    expect(lines.length).toBeGreaterThan(10_000);
    const problems: string[] = [];
    for (const line of lines) {
      const parsed = JSON.parse(line) as Record<string, unknown>;
      const type = parsed['type'] as EvidenceRecord['type'];
      for (const field of REQUIRED[type]) {
        if (!(field in parsed)) problems.push(`${field} missing in ${line}`);
      }
      for (const [field, value] of Object.entries(parsed)) {
        const allowed = ENUMS[field];
        if (value === null) problems.push(`${field} is null in ${line}`);
        if (allowed && !allowed.includes(String(value))) problems.push(`${field} in ${line}`);
        if (TIME_FIELDS.includes(field) && !ISO_WITH_OFFSET.test(String(value))) {
          problems.push(`${field} is not ISO with an offset in ${line}`);
        }
      }
    }
    expect(problems.slice(0, 5)).toEqual([]);
  });

  it('writes instants in the local offset each store has at that instant, DST included', () => {
    const zones = new Map(sample.stores.map((s) => [s.id, s.timeZone]));
    const offsetsByStore = new Map<string, Set<string>>();
    const wrong: string[] = [];
    for (const record of sample.records) {
      if (record.type !== 'lead') continue;
      const zone = zones.get(record.storeId) ?? 'UTC';
      const written = String((JSON.parse(toBundleLine(record, zone)) as Line)['receivedAt']);
      const expected = DateTime.fromMillis(record.receivedAt, { zone }).toISO({
        suppressMilliseconds: true,
      });
      if (written !== expected || Date.parse(written) !== record.receivedAt) wrong.push(written);
      const offsets = offsetsByStore.get(record.storeId) ?? new Set<string>();
      offsetsByStore.set(record.storeId, offsets.add(written.slice(-6)));
    }
    expect(wrong).toEqual([]);
    // The window spans the end of daylight saving time on 2026-11-01 (Phoenix has none).
    for (const [storeId, offsets] of offsetsByStore) {
      expect(offsets.size).toBe(zones.get(storeId) === 'America/Phoenix' ? 1 : 2);
    }
  });

  it('puts no instant at or after endAt and every lead inside the window', () => {
    const { from, to } = sample.manifest.window;
    expect(to - from).toBe(60 * 86_400_000);
    for (const record of sample.records) {
      for (const instant of instantsOf(record)) expect(instant).toBeLessThan(to);
    }
    for (const { lead } of sample.leads) {
      expect(lead.receivedAt).toBeGreaterThanOrEqual(from);
      expect(lead.receivedAt).toBeLessThan(to);
    }
  });

  it('yields each lead before its events, in arrival order, with ids unique per store', () => {
    const seen = new Set<string>();
    const lastArrival = new Map<string, number>();
    for (const record of sample.records) {
      const key = `${record.type === 'store' ? record.id : record.storeId}/${record.type}/${record.id}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
      if (record.type === 'lead') {
        expect(record.receivedAt).toBeGreaterThanOrEqual(lastArrival.get(record.storeId) ?? 0);
        lastArrival.set(record.storeId, record.receivedAt);
      }
    }
    // demoSample throws when an event comes before its lead; getting here proves the order.
    expect(sample.leads.length).toBeGreaterThan(1_000);
  });

  it('links every lead and event to users of its own store', () => {
    const userStore = new Map(sample.users.map((u) => [u.id, u.storeId]));
    for (const facts of sample.leads) {
      const storeId = facts.lead.storeId;
      expect(userStore.get(facts.lead.assignedTo ?? '')).toBe(storeId);
      for (const a of facts.activities) if (a.userId) expect(userStore.get(a.userId)).toBe(storeId);
      for (const t of facts.tasks)
        if (t.completedBy) expect(userStore.get(t.completedBy)).toBe(storeId);
    }
  });

  it('gives each customer of a store their own phone number and address', () => {
    for (const store of sample.stores) {
      const leads = sample.leads.filter((f) => f.store === store).map((f) => f.lead.customer);
      const phones = leads.flatMap((c) => c.phones);
      const emails = leads.flatMap((c) => c.emails);
      expect(new Set(phones).size).toBe(phones.length);
      expect(new Set(emails).size).toBe(emails.length);
      for (const phone of phones) expect(store.phoneNumbers).not.toContain(phone);
    }
  });

  it('gives leads near the end of the window fewer follow-ups than older ones', () => {
    const { to } = sample.manifest.window;
    const eventsOf = (ageDays: [number, number]) => {
      const group = sample.leads.filter(({ lead }) => {
        const age = (to - lead.receivedAt) / 86_400_000;
        return age >= ageDays[0] && age < ageDays[1];
      });
      return group.reduce((n, f) => n + f.tasks.length + f.activities.length, 0) / group.length;
    };
    expect(eventsOf([0, 2])).toBeLessThan(eventsOf([35, 60]) * 0.7);
  });

  it('streams: the first records of a decade of fifty big stores come without generating the rest', () => {
    const records = generateDemoEvidence({
      stores: 50,
      days: 3650,
      seed: 1,
      leadsPerStorePerDay: 60,
    });
    const first = [records.next(), records.next(), records.next()].map((r) => r.value);
    expect(first.map((r) => r?.type)).toEqual(['store', 'user', 'user']);
  });

  it('rejects options that make no sense', () => {
    expect(() => demoManifest({ stores: 0, days: 10, seed: 1 })).toThrow(/stores/);
    expect(() => [...generateDemoEvidence({ stores: 1, days: -1, seed: 1 })]).toThrow(/days/);
    expect(() => demoManifest({ stores: 1, days: 1, seed: 1.5 })).toThrow(/seed/);
    expect(() => demoManifest({ stores: 1, days: 1, seed: 1, leadsPerStorePerDay: 0 })).toThrow(
      /leadsPerStorePerDay/,
    );
  });
});

describe('demoManifest', () => {
  it('plants every habit on exactly one agent per store, plus one or two diligent agents', () => {
    const manifest = demoManifest({ stores: 12, days: 30, seed: 5 });
    expect(manifest.stores).toHaveLength(12);
    for (const store of manifest.stores) {
      const agents = manifest.agents.filter((a) => a.storeId === store.storeId);
      for (const habit of PLANTED_HABITS) {
        expect(
          agents.filter((a) => a.habit === habit),
          `${habit} at ${store.storeId}`,
        ).toHaveLength(1);
      }
      const diligent = agents.filter((a) => a.habit === 'diligent').length;
      expect(diligent).toBeGreaterThanOrEqual(1);
      expect(diligent).toBeLessThanOrEqual(2);
    }
  });

  it('describes the same stores and agents the bundle contains', () => {
    const { manifest } = sample;
    expect(sample.stores.map((s) => [s.id, s.name, s.timeZone])).toEqual(
      manifest.stores.map((s) => [s.storeId, s.name, s.timeZone]),
    );
    expect(sample.users.map((u) => [u.storeId, u.id, u.name])).toEqual(
      manifest.agents.map((a) => [a.storeId, a.userId, a.name]),
    );
  });

  it('names stores demo-<slug> with distinct ids, domains and lines across many stores', () => {
    const stores = [...generateDemoEvidence({ stores: 40, days: 1, seed: 9 })].filter(
      (r) => r.type === 'store',
    );
    expect(new Set(stores.map((s) => s.id)).size).toBe(40);
    expect(new Set(stores.map((s) => s.timeZone)).size).toBe(5);
    for (const store of stores) expect(store.id).toMatch(/^demo-[a-z0-9]+(-[a-z0-9]+)*$/);
    const domains = stores.flatMap((s) => s.emailDomains);
    expect(new Set(domains).size).toBe(domains.length);
    const numbers = stores.flatMap((s) => s.phoneNumbers);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const n of numbers) expect(n).toMatch(/^\+1\d{3}55501\d{2}$/);
  });
});
