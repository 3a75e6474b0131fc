import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { importBundle } from '@candor/evidence-data-access';
import { createDataSource } from '@candor/platform-database';
import {
  type DemoOptions,
  demoManifest,
  generateDemoEvidence,
  toBundleLine,
} from '@candor/scoring-demo-data';
import { addStore, DEALER_HOURS, newTenant } from '@candor/tenancy-testing';

/**
 * A new tenant with one store of demo evidence, written to `bundle` and imported the way
 * `candor import` does; business hours set on the store.
 */
export async function seedDemoStore(
  appUrl: string,
  bundle: string,
  options: Omit<DemoOptions, 'stores'>,
) {
  const manifest = demoManifest({ ...options, stores: 1 });
  const store = manifest.stores[0]!;
  const out = createWriteStream(bundle);
  for (const record of generateDemoEvidence({ ...options, stores: 1 })) {
    if (!out.write(`${toBundleLine(record, store.timeZone)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  const ds = await createDataSource({ url: appUrl, poolSize: 2 }).initialize();
  try {
    const tenant = await newTenant(ds, { name: 'Bench Coaching', stores: 0 });
    const storeId = await addStore(ds, tenant, {
      externalId: store.storeId,
      name: store.name,
      names: [store.name],
      timeZone: store.timeZone,
      businessHours: DEALER_HOURS,
    });
    const report = await importBundle(ds, tenant, {
      store: storeId,
      input: { kind: 'file', path: bundle },
    });
    return { ...tenant, storeId, imported: report.accepted, window: manifest.window };
  } finally {
    await ds.destroy();
  }
}
