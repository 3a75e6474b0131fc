import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { generateDemoEvidence } from './demo-evidence';
import {
  demoSample,
  firstWorkableMoment,
  hadTwoWayContact,
  isGenuine,
  share,
} from './demo-sample.fixture';

const sample = demoSample();
const { to } = sample.manifest.window;
const leads = sample.leads;

describe('demo evidence realism', () => {
  it('lands near the published funnel: ~60% contacted, ~32% set, ~56% shown, ~42% of shown sold', () => {
    const contacted = share(leads.filter(hadTwoWayContact).length, leads.length);
    const set = share(leads.filter((f) => f.appointments.length > 0).length, leads.length);
    const due = leads.flatMap((f) => f.appointments).filter((a) => a.startsAt < to);
    const shown = share(due.filter((a) => a.shownAt !== null).length, due.length);
    const showed = leads.filter((f) => f.appointments.some((a) => a.shownAt !== null));
    const sold = share(showed.filter((f) => f.sales.length > 0).length, showed.length);
    expect(contacted).toBeGreaterThanOrEqual(0.5);
    expect(contacted).toBeLessThanOrEqual(0.7);
    expect(set).toBeGreaterThanOrEqual(0.25);
    expect(set).toBeLessThanOrEqual(0.4);
    expect(shown).toBeGreaterThanOrEqual(0.45);
    expect(shown).toBeLessThanOrEqual(0.65);
    expect(sold).toBeGreaterThanOrEqual(0.3);
    expect(sold).toBeLessThanOrEqual(0.55);
  });

  it('brings about 12 leads per store a day, a third of them after hours', () => {
    const perStoreDay = leads.length / sample.stores.length / 60;
    expect(perStoreDay).toBeGreaterThan(10);
    expect(perStoreDay).toBeLessThan(14);
    const afterHours = leads.filter(
      ({ store, lead }) => firstWorkableMoment(store, lead.receivedAt) !== lead.receivedAt,
    );
    const afterShare = share(afterHours.length, leads.length);
    expect(afterShare).toBeGreaterThanOrEqual(0.28);
    expect(afterShare).toBeLessThanOrEqual(0.42);
  });

  it('peaks in the late morning and the evening, is quiet at night and on Sundays', () => {
    const byHour = new Array<number>(24).fill(0);
    const byWeekday = new Array<number>(8).fill(0);
    for (const { lead, store } of leads) {
      const local = DateTime.fromMillis(lead.receivedAt, { zone: store.timeZone });
      byHour[local.hour] = (byHour[local.hour] ?? 0) + 1;
      byWeekday[local.weekday] = (byWeekday[local.weekday] ?? 0) + 1;
    }
    const sum = (hours: number[]) => hours.reduce((n, h) => n + (byHour[h] ?? 0), 0);
    expect(sum([10, 11, 12])).toBeGreaterThan(sum([14, 15, 16]));
    expect(sum([18, 19, 20])).toBeGreaterThan(sum([14, 15, 16]));
    expect(sum([2, 3, 4])).toBeLessThan(sum([10, 11, 12]) / 8);
    expect(byWeekday[7] ?? 0).toBeLessThan(byWeekday[1] ?? 0);
  });

  it('mixes sources and lead kinds, and gives every customer a way to be reached', () => {
    const sources = new Set(leads.map((f) => f.lead.source));
    for (const source of [
      'cars.com',
      'autotrader',
      'cargurus',
      'truecar',
      'oem-site',
      'dealer-website',
      'facebook',
    ]) {
      expect(sources).toContain(source);
    }
    const internet = leads.filter((f) => f.lead.kind === 'internet').length;
    expect(share(internet, leads.length)).toBeGreaterThan(0.85);
    for (const { lead } of leads) {
      expect(lead.customer.name).toBeTruthy();
      expect(lead.customer.emails.length + lead.customer.phones.length).toBeGreaterThan(0);
      expect(lead.requestedAt ?? 0).toBeLessThanOrEqual(lead.receivedAt);
    }
  });

  it('keeps automated messages apart from real attempts and tasks tied to the cadence', () => {
    const emails = leads.flatMap((f) => f.activities).filter((a) => a.channel === 'email');
    const automated = emails.filter((a) => a.automated);
    expect(share(automated.length, emails.length)).toBeGreaterThan(0.1);
    for (const a of automated) expect(isGenuine(a)).toBe(false);
    // The first call task exists from arrival and falls due 15 business minutes after the lead
    // becomes workable (a lead in the last quarter hour before closing is due the next day).
    const firstCalls = leads.flatMap((f) =>
      f.tasks
        .filter((t) => t.taskType === 'call' && t.createdAt === f.lead.receivedAt)
        .map((t) => t.dueAt - firstWorkableMoment(f.store, f.lead.receivedAt)),
    );
    expect(share(firstCalls.length, leads.length)).toBeGreaterThan(0.75);
    const dueIn15 = firstCalls.filter((d) => d === 15 * 60_000).length;
    expect(share(dueIn15, firstCalls.length)).toBeGreaterThan(0.95);
    for (const due of firstCalls) expect(due).toBeGreaterThanOrEqual(15 * 60_000);
  });

  it('records one claim per real call: a ticked call task, or a hand-made log when no task asked for it', () => {
    let logs = 0;
    for (const f of leads) {
      const ticked = f.tasks.filter((t) => t.taskType === 'call' && t.completedAt !== null);
      for (const log of f.activities) {
        if (log.channel !== 'call' || log.evidence !== 'claimed') continue;
        logs++;
        // scoring.md corroborates within 10 minutes, one to one: a second claim would go unmatched.
        const twin = ticked.find((t) => Math.abs((t.completedAt ?? 0) - log.at) <= 10 * 60_000);
        expect(twin, `${log.id} beside task ${twin?.id}`).toBeUndefined();
      }
    }
    expect(logs).toBeGreaterThan(0);
  });

  it('averages over 20 records a lead, and a store-year at 60 leads a day exceeds 20,000 leads and 500,000 records', () => {
    expect(sample.records.length / leads.length).toBeGreaterThan(20);
    let records = 0;
    let leadCount = 0;
    for (const record of generateDemoEvidence({
      stores: 1,
      days: 365,
      seed: 7,
      leadsPerStorePerDay: 60,
    })) {
      records++;
      if (record.type === 'lead') leadCount++;
    }
    expect(leadCount).toBeGreaterThanOrEqual(20_000);
    expect(records).toBeGreaterThanOrEqual(500_000);
  });
});
