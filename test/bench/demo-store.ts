import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { importBundle } from '@candor/evidence-data-access';
import { createDataSource, runInTenant } from '@candor/platform-database';
import {
  type DemoOptions,
  demoManifest,
  generateDemoEvidence,
  toBundleLine,
} from '@candor/scoring-demo-data';
import { newTenant } from '@candor/tenancy-testing';

const HOURS = JSON.stringify({
  mon: ['09:00', '20:00'],
  tue: ['09:00', '20:00'],
  wed: ['09:00', '20:00'],
  thu: ['09:00', '20:00'],
  fri: ['09:00', '20:00'],
  sat: ['09:00', '18:00'],
  sun: null,
});

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
    const storeId = randomUUID();
    await runInTenant(ds, tenant, (tx) =>
      tx.query(
        `INSERT INTO store (consultancy_id, id, external_id, name, names, time_zone, business_hours)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          tenant.consultancyId,
          storeId,
          store.storeId,
          store.name,
          [store.name],
          store.timeZone,
          HOURS,
        ],
      ),
    );
    const report = await importBundle(ds, tenant, {
      store: storeId,
      input: { kind: 'file', path: bundle },
    });
    return { ...tenant, storeId, imported: report.accepted, window: manifest.window };
  } finally {
    await ds.destroy();
  }
}
