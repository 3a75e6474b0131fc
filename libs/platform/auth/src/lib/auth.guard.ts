import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CandorException, ErrorCode } from '@candor/shared-errors';
import { verifyAccessToken, type TokenSettings } from './access-token';
import { API_KEY_PREFIX, ApiKeyLookup } from './api-key-lookup';
import { PUBLIC_KEY, REQUIRES_KEY } from './auth.decorators';
import { type Action, callerAllows, isPlatformAction, roleAllows } from './permissions';
import { PlatformAdminLookup } from './platform-admin-lookup';
import { type AuthenticatedRequest, originOf, requestOf } from './request-of';
import { contextFrom, MembershipLookup, narrowStores, type TenantContext } from './tenant-context';

export const TOKEN_SETTINGS = Symbol('TOKEN_SETTINGS');

/**
 * Registered globally: every resolver and route needs a verified caller unless marked @Public().
 * The TenantContext comes only from the token's signed claims (or a stored API key) and the
 * stored membership. Any doubt (no token, bad signature, no membership, wrong role) denies.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly memberships: MembershipLookup,
    private readonly apiKeys: ApiKeyLookup,
    private readonly platformAdmins: PlatformAdminLookup,
    @Inject(TOKEN_SETTINGS) private readonly tokens: TokenSettings,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const required = this.reflector.getAllAndOverride<Action[] | undefined>(REQUIRES_KEY, targets);
    if (!required || required.length === 0) {
      // Fail closed: a handler that declares neither @Public nor @Requires is never served.
      throw new CandorException(ErrorCode.Forbidden, 'This operation declares no permission');
    }
    const req = requestOf(ctx);
    if (!req.tenantContext && !req.platformAdmin) await this.authenticate(req);
    const missing = required.filter((action) => !allows(req, action));
    if (missing.length > 0) {
      throw new CandorException(ErrorCode.Forbidden, `Not allowed: needs ${missing.join(', ')}`);
    }
    return true;
  }

  /** Sets the request's tenantContext and/or platformAdmin from its credentials, or throws. */
  private async authenticate(req: AuthenticatedRequest): Promise<void> {
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([^\s]+)$/i.exec(header) : null;
    if (!match?.[1]) {
      throw new CandorException(
        ErrorCode.Unauthenticated,
        'Sign-in required: send Authorization: Bearer <token>',
      );
    }
    const origin = originOf(req);
    if (match[1].startsWith(API_KEY_PREFIX)) {
      req.tenantContext = { ...(await this.keyContext(match[1])), origin };
      return;
    }
    const claims = verifyAccessToken(match[1], this.tokens);
    // The token only marks staff; the table decides, so a revoked admin loses it at once.
    const staff = claims.pa === true && (await this.platformAdmins.isPlatformAdmin(claims.sub));
    if (claims.cid === null && !staff) {
      throw new CandorException(ErrorCode.Unauthenticated, 'No platform admin rights any more');
    }
    if (staff) req.platformAdmin = { userId: claims.sub, origin };
    if (claims.cid === null) return;
    const grant = await this.memberships.find(claims.sub, claims.cid);
    if (!grant) {
      throw new CandorException(ErrorCode.Unauthenticated, 'No membership in this consultancy');
    }
    req.tenantContext = { ...contextFrom(claims.sub, claims.cid, grant), origin };
  }

  /** An API key acts within its creator's membership, narrowed by its scopes and stores. */
  private async keyContext(presented: string): Promise<TenantContext> {
    const key = await this.apiKeys.verify(presented);
    const grant = key && (await this.memberships.find(key.createdBy, key.consultancyId));
    if (!key || !grant) {
      throw new CandorException(
        ErrorCode.Unauthenticated,
        'API key is invalid, expired or revoked',
      );
    }
    const base = contextFrom(key.createdBy, key.consultancyId, grant);
    return {
      ...base,
      stores: narrowStores(base.stores, key.stores),
      apiKey: { id: key.id, scopes: key.scopes },
    };
  }
}

/**
 * Platform actions need a verified platform admin; every other action needs a membership that
 * allows it. Being platform staff never stands in for a membership.
 */
function allows(req: AuthenticatedRequest, action: Action): boolean {
  if (isPlatformAction(action)) {
    return req.platformAdmin !== undefined && roleAllows('platform_admin', action);
  }
  return req.tenantContext !== undefined && callerAllows(req.tenantContext, action);
}
