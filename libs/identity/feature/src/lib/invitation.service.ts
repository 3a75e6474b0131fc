import { Inject, Injectable } from '@nestjs/common';
import {
  actorOf,
  AuditRecorder,
  type MembershipRole,
  type RequestOrigin,
  type TenantContext,
} from '@candor/platform-auth';
import { TenantDb } from '@candor/platform-database';
import { decodeId } from '@candor/platform-graphql';
import { invitationMail, passwordResetMail } from '@candor/platform-mail';
import { CredentialStore, InvitationRepository } from '@candor/identity-data-access';
import {
  newRefreshToken,
  parseRefreshToken,
  passwordProblem,
  randomSecret,
  sha256,
} from '@candor/identity-domain';
import { IdentityException } from './identity.exception';
import { IDENTITY_SETTINGS, type IdentitySettings } from './identity.settings';
import { hashPassword, verifyPassword } from './password.hasher';

const INVITATION_TTL_SECONDS = 7 * 86_400;
const RESET_TTL_SECONDS = 3600;
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Invitations (single use, 7 days) and password resets (single use, 1 hour) by e-mail. */
@Injectable()
export class InvitationService {
  constructor(
    private readonly db: TenantDb,
    private readonly invitations: InvitationRepository,
    private readonly credentials: CredentialStore,
    private readonly audit: AuditRecorder,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  /**
   * `ctx` is the inviter in the consultancy: a member, or platform staff inviting a new
   * consultancy's first owner (createConsultancy), who need no membership there.
   */
  async invite(
    ctx: Pick<TenantContext, 'consultancyId' | 'userId' | 'apiKey' | 'origin'>,
    email: string,
    role: MembershipRole,
    storeGlobalIds: readonly string[],
  ): Promise<{ id: string; expiresAt: Date }> {
    const address = email.trim();
    if (!EMAIL.test(address)) throw IdentityException.badInput('email', 'is not an e-mail address');
    const storeIds = storeGlobalIds.map((id, i) => decodeId('Store', id, `storeIds.${i}`));
    // The invitation token names its consultancy, like refresh tokens, so accepting can open
    // the right RLS scope before anyone is signed in.
    const token = newRefreshToken(ctx.consultancyId);
    const { row, consultancy } = await this.db.run(ctx, async (tx) => {
      const found = await tx.query<{ id: string }>('SELECT id FROM store WHERE id = ANY($1)', [
        storeIds,
      ]);
      if (found.length !== new Set(storeIds).size) {
        throw IdentityException.badInput('storeIds', 'contains a store that does not exist');
      }
      const [c] = await tx.query<{ name: string }>('SELECT name FROM consultancy');
      const inserted = await this.invitations.insert(tx, {
        email: address,
        role,
        storeIds,
        hash: sha256(token),
        invitedBy: ctx.userId,
        expiresAt: new Date(Date.now() + INVITATION_TTL_SECONDS * 1000),
      });
      return { row: inserted, consultancy: c?.name ?? 'Candor' };
    });
    const link = `${this.settings.publicUrl}/accept-invitation?token=${encodeURIComponent(token)}`;
    await this.settings.mailer.send(invitationMail(address, consultancy, role, link));
    await this.audit.record({
      consultancyId: ctx.consultancyId,
      actor: actorOf(ctx),
      action: 'member.invited',
      entityType: 'invitation',
      entityId: row.id,
      after: { email: address, role, storeIds },
      ...(ctx.origin ? { origin: ctx.origin } : {}),
    });
    return { id: row.id, expiresAt: row.expiresAt };
  }

  /**
   * Accepts an invitation: a new person chooses name and password; someone who already has an
   * account confirms it with their current password and gains the membership.
   */
  async accept(
    token: string,
    name: string,
    password: string,
    origin: RequestOrigin,
  ): Promise<{ email: string; consultancyId: string }> {
    const scope = parseRefreshToken(token);
    if (!scope) throw IdentityException.badInput('token', 'is not a valid invitation');
    const existing = await this.db.run(scope, async (tx) => {
      const inv = await this.invitations.findForUpdate(tx, sha256(token));
      return inv ? this.credentials.userIdByEmail(inv.email) : null;
    });
    if (existing) {
      if (!(await verifyPassword(await this.credentials.hashOf(existing), password))) {
        throw IdentityException.badInput('password', 'is not the password of your account');
      }
    } else {
      const problem = passwordProblem(password);
      if (problem) throw IdentityException.badInput('password', problem);
    }
    const hash = existing ? null : await hashPassword(password);
    const accepted = await this.db.run(scope, async (tx) => {
      const inv = await this.invitations.findForUpdate(tx, sha256(token));
      if (!inv || inv.acceptedAt || inv.expiresAt <= new Date()) {
        throw IdentityException.badInput('token', 'this invitation is used, expired or unknown');
      }
      const userId = existing ?? (await this.createPerson(tx, inv.email, name));
      await tx.query(
        `INSERT INTO membership (consultancy_id, user_id, role) VALUES ($1, $2, $3)
         ON CONFLICT (consultancy_id, user_id) DO UPDATE SET role = EXCLUDED.role`,
        [scope.consultancyId, userId, inv.role],
      );
      for (const storeId of inv.storeIds) {
        await tx.query(
          `INSERT INTO membership_store (consultancy_id, user_id, store_id) VALUES ($1, $2, $3)
           ON CONFLICT DO NOTHING`,
          [scope.consultancyId, userId, storeId],
        );
      }
      await this.invitations.markAccepted(tx, inv.id);
      return { userId, email: inv.email, invitationId: inv.id, role: inv.role };
    });
    if (hash) await this.credentials.setHash(accepted.userId, hash);
    await this.audit.record({
      consultancyId: scope.consultancyId,
      actor: { type: 'user', id: accepted.userId },
      action: 'member.invitation_accepted',
      entityType: 'invitation',
      entityId: accepted.invitationId,
      after: { role: accepted.role },
      origin,
    });
    return { email: accepted.email, consultancyId: scope.consultancyId };
  }

  /** Always succeeds (it reveals no accounts); mails a link when the e-mail is known. */
  async requestReset(email: string, origin: RequestOrigin): Promise<void> {
    const token = randomSecret();
    const person = await this.credentials.createReset(
      email.trim(),
      sha256(token),
      RESET_TTL_SECONDS,
    );
    if (!person) return;
    const link = `${this.settings.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
    await this.settings.mailer.send(passwordResetMail(email.trim(), person.name, link));
    await this.auditEverywhere(person.userId, 'auth.password_reset_requested', origin);
  }

  async reset(token: string, password: string, origin: RequestOrigin): Promise<void> {
    const problem = passwordProblem(password);
    if (problem) throw IdentityException.badInput('newPassword', problem);
    const hash = await hashPassword(password);
    const userId = await this.credentials.consumeReset(sha256(token));
    if (!userId)
      throw IdentityException.badInput('token', 'this reset link is used, expired or unknown');
    await this.credentials.setHash(userId, hash);
    await this.auditEverywhere(userId, 'auth.password_reset', origin);
  }

  private async createPerson(
    tx: Parameters<Parameters<TenantDb['run']>[1]>[0],
    email: string,
    name: string,
  ): Promise<string> {
    const clean = name.trim();
    if (clean.length < 1 || clean.length > 200) {
      throw IdentityException.badInput('name', 'must be 1 to 200 characters');
    }
    const [row] = await tx.query<{ id: string }>('SELECT gen_random_uuid() AS id');
    await tx.query('INSERT INTO app_user (id, email, name) VALUES ($1, $2, $3)', [
      row!.id,
      email,
      clean,
    ]);
    return row!.id;
  }

  private async auditEverywhere(userId: string, action: string, origin: RequestOrigin) {
    for (const m of await this.credentials.memberships(userId)) {
      await this.audit.record({
        consultancyId: m.consultancyId,
        actor: { type: 'user', id: userId },
        action,
        entityType: 'user',
        entityId: userId,
        origin,
      });
    }
  }
}
