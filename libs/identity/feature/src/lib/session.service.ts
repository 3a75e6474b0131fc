import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  AuditRecorder,
  type RequestOrigin,
  signAccessToken,
  type TenantContext,
} from '@candor/platform-auth';
import { TenantDb } from '@candor/platform-database';
import { encodeId } from '@candor/platform-graphql';
import {
  CredentialStore,
  type MembershipChoice,
  RefreshTokenRepository,
} from '@candor/identity-data-access';
import {
  newRefreshToken,
  parseRefreshToken,
  passwordProblem,
  sha256,
} from '@candor/identity-domain';
import { IdentityException } from './identity.exception';
import { IDENTITY_SETTINGS, type IdentitySettings } from './identity.settings';
import { hashPassword, verifyPassword } from './password.hasher';

export interface IssuedSession {
  accessToken: string;
  accessTokenExpiresAt: Date;
  /** Null for a platform-only session (a platform admin without a membership). */
  refreshToken: string | null;
  refreshTokenExpiresAt: Date | null;
  consultancyId: string | null;
  role: string | null;
  platformAdmin: boolean;
}

/** Sign-in, refresh-token rotation with reuse detection, sign-out and password changes. */
@Injectable()
export class SessionService {
  private readonly logger = new Logger('Session');

  constructor(
    private readonly db: TenantDb,
    private readonly credentials: CredentialStore,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly audit: AuditRecorder,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  async signIn(
    email: string,
    password: string,
    consultancyId: string | null,
    origin: RequestOrigin,
  ): Promise<IssuedSession> {
    const accountKey = `account:${email.trim().toLowerCase()}`;
    const ipKey = `ip:${origin.ip ?? 'unknown'}`;
    const wait = await this.credentials.waitSeconds([accountKey, ipKey]);
    const found = await this.credentials.byEmail(email.trim());
    if (wait > 0) {
      await this.auditFailure(found?.userId ?? null, 'locked', origin);
      throw IdentityException.locked(wait);
    }
    if (!found || !(await verifyPassword(found?.passwordHash ?? null, password))) {
      await this.credentials.fail(accountKey, this.settings.accountFailureLimit);
      await this.credentials.fail(ipKey, this.settings.ipFailureLimit);
      await this.auditFailure(found?.userId ?? null, 'bad_credentials', origin);
      throw IdentityException.badCredentials();
    }
    await this.credentials.clear(accountKey);
    const memberships = await this.credentials.memberships(found.userId);
    const staff = await this.credentials.isPlatformAdmin(found.userId);
    if (staff && memberships.length === 0 && !consultancyId) {
      return this.issuePlatformOnly(found.userId, origin);
    }
    const membership = this.choose(memberships, consultancyId);
    const session = await this.issue(found.userId, membership, randomUUID(), staff);
    await this.audit.record({
      consultancyId: membership.consultancyId,
      actor: { type: 'user', id: found.userId },
      action: 'auth.sign_in',
      entityType: 'user',
      entityId: found.userId,
      origin,
    });
    return session;
  }

  /** A new session in another of the caller's consultancies. */
  async switchConsultancy(ctx: TenantContext, consultancyId: string): Promise<IssuedSession> {
    const membership = this.choose(await this.credentials.memberships(ctx.userId), consultancyId);
    const staff = await this.credentials.isPlatformAdmin(ctx.userId);
    const session = await this.issue(ctx.userId, membership, randomUUID(), staff);
    await this.audit.record({
      consultancyId: membership.consultancyId,
      actor: { type: 'user', id: ctx.userId },
      action: 'auth.switch_consultancy',
      details: { from: ctx.consultancyId },
      ...(ctx.origin ? { origin: ctx.origin } : {}),
    });
    return session;
  }

  /**
   * Rotates a refresh token. Presenting a token that was already rotated means it was copied:
   * the whole family (every token descended from that sign-in) is revoked.
   */
  async refresh(token: string, origin: RequestOrigin): Promise<IssuedSession> {
    const parsed = parseRefreshToken(token);
    if (!parsed) throw IdentityException.invalidRefresh();
    const outcome = await this.db.run(parsed, async (tx) => {
      const stored = await this.refreshTokens.findForUpdate(tx, sha256(token));
      if (!stored || stored.revokedAt || stored.expiresAt <= new Date()) return null;
      if (stored.rotatedAt) {
        await this.refreshTokens.revokeFamily(tx, stored.familyId);
        return { reused: true as const, stored };
      }
      await this.refreshTokens.markRotated(tx, stored.id);
      return { reused: false as const, stored };
    });
    if (!outcome) throw IdentityException.invalidRefresh();
    const { stored } = outcome;
    if (outcome.reused) {
      await this.audit.record({
        consultancyId: parsed.consultancyId,
        actor: { type: 'user', id: stored.userId },
        action: 'auth.refresh_reuse_detected',
        details: { familyId: stored.familyId },
        origin,
      });
      throw IdentityException.invalidRefresh(
        'Refresh token was already used: every session of this sign-in has been signed out',
      );
    }
    const memberships = await this.credentials.memberships(stored.userId);
    const membership = memberships.find((m) => m.consultancyId === parsed.consultancyId);
    if (!membership) throw IdentityException.invalidRefresh();
    const staff = await this.credentials.isPlatformAdmin(stored.userId);
    return this.issue(stored.userId, membership, stored.familyId, staff);
  }

  /** Ends the sign-in the refresh token belongs to (every token of its family). */
  async signOut(token: string, origin: RequestOrigin): Promise<boolean> {
    const parsed = parseRefreshToken(token);
    if (!parsed) return false;
    const stored = await this.db.run(parsed, async (tx) => {
      const found = await this.refreshTokens.findForUpdate(tx, sha256(token));
      if (found) await this.refreshTokens.revokeFamily(tx, found.familyId);
      return found;
    });
    if (!stored) return false;
    await this.audit.record({
      consultancyId: parsed.consultancyId,
      actor: { type: 'user', id: stored.userId },
      action: 'auth.sign_out',
      origin,
    });
    return true;
  }

  /** Checks the current password, stores the new one and signs out other sessions. */
  async changePassword(ctx: TenantContext, current: string, next: string): Promise<void> {
    if (!(await verifyPassword(await this.credentials.hashOf(ctx.userId), current))) {
      throw IdentityException.badInput('currentPassword', 'is not your current password');
    }
    const problem = passwordProblem(next);
    if (problem) throw IdentityException.badInput('newPassword', problem);
    await this.credentials.setHash(ctx.userId, await hashPassword(next));
    await this.db.run(ctx, (tx) => this.refreshTokens.revokeUser(tx, ctx.userId));
    await this.audit.record({
      consultancyId: ctx.consultancyId,
      actor: { type: 'user', id: ctx.userId },
      action: 'auth.password_changed',
      entityType: 'user',
      entityId: ctx.userId,
      ...(ctx.origin ? { origin: ctx.origin } : {}),
    });
  }

  private choose(memberships: MembershipChoice[], wanted: string | null): MembershipChoice {
    if (wanted) {
      const match = memberships.find((m) => m.consultancyId === wanted);
      if (!match) throw IdentityException.badInput('consultancyId', 'you are not a member of it');
      return match;
    }
    if (memberships.length === 1) return memberships[0]!;
    if (memberships.length === 0) throw IdentityException.badCredentials();
    const choices = memberships
      .map((m) => `${m.consultancyName} (${encodeId('Consultancy', m.consultancyId)})`)
      .join(', ');
    throw IdentityException.badInput(
      'consultancyId',
      `choose one of your consultancies: ${choices}`,
    );
  }

  /**
   * Platform staff without a membership get an access token for platform operations only. It
   * has no refresh token: refresh tokens live in a consultancy's RLS scope, and staff sign in
   * again when it expires. There is no consultancy chain to audit it in, so it is logged.
   */
  private issuePlatformOnly(userId: string, origin: RequestOrigin): IssuedSession {
    const { tokens, accessTokenTtlSeconds } = this.settings;
    this.logger.log({ userId, ip: origin.ip }, 'Platform admin signed in');
    return {
      accessToken: signAccessToken(
        { sub: userId, cid: null, pa: true },
        tokens,
        accessTokenTtlSeconds,
      ),
      accessTokenExpiresAt: new Date(Date.now() + accessTokenTtlSeconds * 1000),
      refreshToken: null,
      refreshTokenExpiresAt: null,
      consultancyId: null,
      role: null,
      platformAdmin: true,
    };
  }

  private async issue(
    userId: string,
    membership: MembershipChoice,
    familyId: string,
    platformAdmin: boolean,
  ): Promise<IssuedSession> {
    const { tokens, accessTokenTtlSeconds, refreshTokenTtlSeconds } = this.settings;
    const refreshToken = newRefreshToken(membership.consultancyId);
    const refreshTokenExpiresAt = new Date(Date.now() + refreshTokenTtlSeconds * 1000);
    await this.db.run({ consultancyId: membership.consultancyId }, (tx) =>
      this.refreshTokens.insert(tx, {
        familyId,
        userId,
        hash: sha256(refreshToken),
        expiresAt: refreshTokenExpiresAt,
      }),
    );
    return {
      accessToken: signAccessToken(
        { sub: userId, cid: membership.consultancyId, ...(platformAdmin ? { pa: true } : {}) },
        tokens,
        accessTokenTtlSeconds,
      ),
      accessTokenExpiresAt: new Date(Date.now() + accessTokenTtlSeconds * 1000),
      refreshToken,
      refreshTokenExpiresAt,
      consultancyId: membership.consultancyId,
      role: membership.role,
      platformAdmin,
    };
  }

  /** A failed sign-in is recorded in every consultancy of the account it named, if any. */
  private async auditFailure(
    userId: string | null,
    reason: string,
    origin: RequestOrigin,
  ): Promise<void> {
    if (!userId) return;
    for (const m of await this.credentials.memberships(userId)) {
      await this.audit.record({
        consultancyId: m.consultancyId,
        actor: { type: 'anonymous' },
        action: 'auth.sign_in_failed',
        entityType: 'user',
        entityId: userId,
        details: { reason },
        origin,
      });
    }
  }
}
