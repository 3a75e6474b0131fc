import type { DataSource } from 'typeorm';

/**
 * Consultancies with deliveries due at `now`, across tenants (the runner has no tenant),
 * through the SECURITY DEFINER function that returns ids only; each is then worked inside its
 * tenant.
 */
export async function findDueWebhookTenants(
  ds: DataSource,
  now: Date,
  limit = 100,
): Promise<string[]> {
  const rows = (await ds.query('SELECT consultancy_id FROM webhook_due_tenants($1, $2)', [
    now,
    limit,
  ])) as { consultancy_id: string }[];
  return rows.map((r) => r.consultancy_id);
}
