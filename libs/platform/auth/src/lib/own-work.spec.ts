import { describe, expect, it } from 'vitest';
import { ownWorkFilter } from './own-work';
import { contextFrom } from './tenant-context';

const user = '3f1c2a4e-8b7d-4c6e-9f0a-1b2c3d4e5f60';
const tenant = '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d';
const storeX = '11111111-1111-4111-8111-111111111111';
const storeY = '22222222-2222-4222-8222-222222222222';

describe('ownWorkFilter', () => {
  it('does not restrict owners, consultants or managers', () => {
    for (const role of ['consultancy_owner', 'consultant', 'dealer_manager'] as const) {
      const ctx = contextFrom(user, tenant, { role, storeIds: [storeX] });
      expect(ownWorkFilter(ctx, storeX)).toBeNull();
    }
  });

  it('limits an agent to the evidence user ids linked at that store', () => {
    const ctx = contextFrom(user, tenant, {
      role: 'dealer_agent',
      storeIds: [storeX, storeY],
      evidenceUserIds: { [storeX]: ['u-17', 'u-17b'], [storeY]: ['dana'] },
    });
    expect(ownWorkFilter(ctx, storeX)).toEqual(['u-17', 'u-17b']);
    expect(ownWorkFilter(ctx, storeY)).toEqual(['dana']);
  });

  it('gives an agent nothing at a store where nothing is linked (fails closed)', () => {
    const linked = contextFrom(user, tenant, {
      role: 'dealer_agent',
      storeIds: [storeX, storeY],
      evidenceUserIds: { [storeX]: ['u-17'] },
    });
    expect(ownWorkFilter(linked, storeY)).toEqual([]);
    const none = contextFrom(user, tenant, { role: 'dealer_agent', storeIds: [storeX] });
    expect(ownWorkFilter(none, storeX)).toEqual([]);
    // An agent context built without the map at all (e.g. by hand) still sees nothing.
    expect(ownWorkFilter({ role: 'dealer_agent' }, storeX)).toEqual([]);
  });

  it('is not fooled by store ids that name object properties', () => {
    const ctx = contextFrom(user, tenant, {
      role: 'dealer_agent',
      storeIds: [],
      evidenceUserIds: {},
    });
    expect(ownWorkFilter(ctx, 'constructor')).toEqual([]);
    expect(ownWorkFilter(ctx, '__proto__')).toEqual([]);
  });
});
