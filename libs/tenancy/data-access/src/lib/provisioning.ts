import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { runInTenant } from '@candor/platform-database';

/**
 * Creates a consultancy (a new tenant). Row-level security accepts the row only inside a
 * transaction whose tenant is the new consultancy itself, so the id is chosen first.
 */
export async function createConsultancy(
  dataSource: DataSource,
  name: string,
  id: string = randomUUID(),
): Promise<string> {
  await runInTenant(dataSource, { consultancyId: id }, (tx) =>
    tx.query('INSERT INTO consultancy (id, name) VALUES ($1, $2)', [id, name]),
  );
  return id;
}

/**
 * Creates a person. The row is written without RETURNING: until a membership exists, RLS hides
 * the person from every consultancy, including the one creating them.
 */
export async function createUser(
  dataSource: DataSource,
  consultancyId: string,
  person: { email: string; name: string; id?: string },
): Promise<string> {
  const id = person.id ?? randomUUID();
  await runInTenant(dataSource, { consultancyId }, (tx) =>
    tx.query('INSERT INTO app_user (id, email, name) VALUES ($1, $2, $3)', [
      id,
      person.email,
      person.name,
    ]),
  );
  return id;
}
