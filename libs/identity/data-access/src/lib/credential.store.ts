import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { APP_DATA_SOURCE } from '@candor/platform-database';
import type { MembershipRole } from '@candor/platform-auth';

export interface MembershipChoice {
  consultancyId: string;
  consultancyName: string;
  role: MembershipRole;
}

/**
 * Sign-in state that exists before a tenant is known. Every call goes through one of the
 * SECURITY DEFINER functions of migration 1763900000200: the app role cannot read credentials,
 * throttles or other tenants' memberships directly.
 */
@Injectable()
export class CredentialStore {
  constructor(@Inject(APP_DATA_SOURCE) private readonly ds: DataSource) {}

  async byEmail(email: string): Promise<{ userId: string; passwordHash: string } | null> {
    const rows = await this.ds.query<{ user_id: string; password_hash: string }[]>(
      'SELECT user_id, password_hash FROM auth_credential_for($1)',
      [email],
    );
    const row = rows[0];
    return row ? { userId: row.user_id, passwordHash: row.password_hash } : null;
  }

  async hashOf(userId: string): Promise<string | null> {
    const rows = await this.ds.query<{ h: string | null }[]>('SELECT auth_password_hash($1) AS h', [
      userId,
    ]);
    return rows[0]?.h ?? null;
  }

  async setHash(userId: string, hash: string): Promise<void> {
    await this.ds.query('SELECT auth_set_password($1, $2)', [userId, hash]);
  }

  /** Stores a reset token for the e-mail's owner; null when nobody has that e-mail. */
  async createReset(
    email: string,
    hash: Buffer,
    ttlSeconds: number,
  ): Promise<{ userId: string; name: string } | null> {
    const rows = await this.ds.query<{ user_id: string; name: string }[]>(
      'SELECT user_id, name FROM auth_create_reset($1, $2, $3)',
      [email, hash, ttlSeconds],
    );
    return rows[0] ? { userId: rows[0].user_id, name: rows[0].name } : null;
  }

  /** Uses a reset token once; the person's id, or null. */
  async consumeReset(hash: Buffer): Promise<string | null> {
    const rows = await this.ds.query<{ u: string | null }[]>('SELECT auth_consume_reset($1) AS u', [
      hash,
    ]);
    return rows[0]?.u ?? null;
  }

  async userIdByEmail(email: string): Promise<string | null> {
    const rows = await this.ds.query<{ u: string | null }[]>('SELECT auth_user_by_email($1) AS u', [
      email,
    ]);
    return rows[0]?.u ?? null;
  }

  /** Platform staff right now (the owner-only platform_admin table, via migration 0200). */
  async isPlatformAdmin(userId: string): Promise<boolean> {
    const rows = await this.ds.query<{ a: boolean }[]>('SELECT auth_is_platform_admin($1) AS a', [
      userId,
    ]);
    return rows[0]?.a === true;
  }

  async memberships(userId: string): Promise<MembershipChoice[]> {
    const rows = await this.ds.query<
      { consultancy_id: string; consultancy_name: string; role: MembershipRole }[]
    >('SELECT consultancy_id, consultancy_name, role FROM auth_memberships($1)', [userId]);
    return rows.map((r) => ({
      consultancyId: r.consultancy_id,
      consultancyName: r.consultancy_name,
      role: r.role,
    }));
  }

  /** Seconds until all of `keys` may try again; 0 when none is locked. */
  async waitSeconds(keys: string[]): Promise<number> {
    const rows = await this.ds.query<{ w: number }[]>('SELECT auth_throttle_wait($1) AS w', [keys]);
    return Number(rows[0]?.w ?? 0);
  }

  async fail(key: string, limit: number): Promise<void> {
    await this.ds.query('SELECT auth_throttle_fail($1, $2)', [key, limit]);
  }

  async clear(key: string): Promise<void> {
    await this.ds.query('SELECT auth_throttle_clear($1)', [key]);
  }

  async apiKeyByPrefix(prefix: string): Promise<{
    consultancyId: string;
    id: string;
    secretHash: Buffer;
    scopes: string[];
    storeIds: string[] | null;
    createdBy: string;
  } | null> {
    const rows = await this.ds.query<
      {
        consultancy_id: string;
        id: string;
        secret_hash: Buffer;
        scopes: string[];
        store_ids: string[] | null;
        created_by: string;
      }[]
    >('SELECT * FROM auth_api_key($1)', [prefix]);
    const r = rows[0];
    return r
      ? {
          consultancyId: r.consultancy_id,
          id: r.id,
          secretHash: r.secret_hash,
          scopes: r.scopes,
          storeIds: r.store_ids,
          createdBy: r.created_by,
        }
      : null;
  }
}
