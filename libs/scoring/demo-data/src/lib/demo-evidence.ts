import type { EvidenceRecord } from '@candor/evidence-domain';
import type { Habit } from './agent-habits';
import { arrivals } from './arrivals';
import type { DemoOptions } from './demo-options';
import { demoWindow, resolveOptions } from './demo-options';
import { LeadStory } from './lead-story';
import { LeadTouches } from './lead-touches';
import { buildLead } from './leads';
import { Prng } from './prng';
import { IdSequence } from './record-factory';
import { primaryInstant, snapshotAt } from './snapshot';
import type { DemoStore } from './stores';
import { STREAM, at, buildStores } from './stores';

export interface DemoAgent {
  storeId: string;
  userId: string;
  name: string;
  habit: Habit;
}

export interface DemoManifest {
  stores: { storeId: string; name: string; timeZone: string }[];
  agents: DemoAgent[];
  window: { from: number; to: number };
}

/** Leads that skip the round robin (a shopper asking for someone, a manager reassigning). */
const REASSIGNED_SHARE = 0.15;

/** The manifest, computed without generating events. */
export function demoManifest(options: DemoOptions): DemoManifest {
  const resolved = resolveOptions(options);
  const stores = buildStores(resolved.stores, resolved.seed);
  return {
    stores: stores.map(({ record }) => ({
      storeId: record.id,
      name: record.name,
      timeZone: record.timeZone,
    })),
    agents: stores.flatMap((store) =>
      store.staff.map(({ user, habit }) => ({
        storeId: store.record.id,
        userId: user.id,
        name: user.name,
        habit,
      })),
    ),
    window: demoWindow(resolved),
  };
}

/**
 * Every record, store by store, lead by lead; a generator so a store-year streams in constant
 * memory. Records are yielded in a deterministic order for a given seed: each store's record,
 * its users, then each lead in arrival order followed by its events in time order.
 */
export function* generateDemoEvidence(options: DemoOptions): Generator<EvidenceRecord> {
  const resolved = resolveOptions(options);
  const { from, to } = demoWindow(resolved);
  for (const store of buildStores(resolved.stores, resolved.seed)) {
    yield store.record;
    for (const { user } of store.staff) yield user;
    yield* storeLeads(store, from, to, resolved.seed, resolved.leadsPerStorePerDay);
  }
}

function* storeLeads(
  store: DemoStore,
  from: number,
  to: number,
  seed: number,
  leadsPerDay: number,
): Generator<EvidenceRecord> {
  const ids = new IdSequence(store.number);
  const stream = [seed, STREAM.arrivals, store.number];
  let seq = 0;
  for (const receivedAt of arrivals(store.clock, from, to, leadsPerDay, stream)) {
    // Each lead draws from its own stream: changing one story does not reshuffle the others.
    const rng = Prng.of(seed, STREAM.lead, store.number, seq);
    const agent = rng.chance(REASSIGNED_SHARE) ? rng.pick(store.staff) : at(store.staff, seq);
    const lead = buildLead(store, seq, ids.next('L'), receivedAt, agent, rng);
    const touches = new LeadTouches(store, agent, lead, rng, ids);
    new LeadStory(touches).tell();
    // The lead comes first: the stable sort keeps it ahead of its own arrival-time events.
    const events: EvidenceRecord[] = [];
    for (const record of [lead.record, ...touches.records]) {
      const kept = snapshotAt(record, to);
      if (kept) events.push(kept);
    }
    events.sort((a, b) => primaryInstant(a) - primaryInstant(b));
    yield* events;
    seq++;
  }
}
