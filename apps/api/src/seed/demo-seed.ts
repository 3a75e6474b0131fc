import type { DataSource } from 'typeorm';
import { runInTenant } from '@candor/platform-database';
import { createConsultancy, createUser, MembershipRepository } from '@candor/tenancy-data-access';
import { DEFAULT_BUSINESS_HOURS } from '@candor/tenancy-domain';

/** Fixed ids, so the demo is seeded once and its sign-in is stable across restarts. */
export const DEMO = {
  consultancyId: 'dec0de00-0000-4000-8000-000000000001',
  ownerId: 'dec0de00-0000-4000-8000-0000000000a1',
  ownerEmail: 'owner@summit-coaching.example',
};

const DEMO_STORES = [
  {
    external_id: 'smith-toyota',
    name: 'Smith Toyota',
    names: ['Smith Toyota', 'Smith'],
    time_zone: 'America/Chicago',
    email_domains: ['smithtoyota.com'],
    phone_numbers: ['+13125550100', '+13125550101'],
  },
  {
    external_id: 'lakeside-honda',
    name: 'Lakeside Honda',
    names: ['Lakeside Honda', 'Lakeside'],
    time_zone: 'America/New_York',
    email_domains: ['lakesidehonda.com'],
    phone_numbers: ['+16175550140'],
  },
  {
    external_id: 'desert-ford',
    name: 'Desert Ford',
    names: ['Desert Ford'],
    time_zone: 'America/Phoenix',
    email_domains: ['desertford.com'],
    phone_numbers: ['+16025550170'],
  },
];

/** Seeds the demo consultancy, its owner and three stores, unless already there. */
export async function seedDemo(dataSource: DataSource): Promise<boolean> {
  const exists = await runInTenant(dataSource, { consultancyId: DEMO.consultancyId }, (tx) =>
    tx.query('SELECT 1 FROM consultancy'),
  );
  if (exists.length > 0) return false;
  await createConsultancy(dataSource, 'Summit Dealer Coaching', DEMO.consultancyId);
  await createUser(dataSource, DEMO.consultancyId, {
    id: DEMO.ownerId,
    email: DEMO.ownerEmail,
    name: 'Morgan Summit',
  });
  await runInTenant(dataSource, { consultancyId: DEMO.consultancyId }, async (tx) => {
    await new MembershipRepository().add(tx, DEMO.ownerId, 'consultancy_owner');
    for (const s of DEMO_STORES) {
      await tx.query(
        `INSERT INTO store (consultancy_id, external_id, name, names, time_zone, business_hours,
           email_domains, phone_numbers) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          DEMO.consultancyId,
          s.external_id,
          s.name,
          s.names,
          s.time_zone,
          JSON.stringify(DEFAULT_BUSINESS_HOURS),
          s.email_domains,
          s.phone_numbers,
        ],
      );
    }
  });
  return true;
}
