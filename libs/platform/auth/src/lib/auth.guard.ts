import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CandorException, ErrorCode } from '@candor/shared-errors';
import { verifyAccessToken, type TokenSettings } from './access-token';
import { PUBLIC_KEY, REQUIRES_KEY } from './auth.decorators';
import { type Action, roleAllows } from './permissions';
import { requestOf } from './request-of';
import { contextFrom, MembershipLookup, type TenantContext } from './tenant-context';

export const TOKEN_SETTINGS = Symbol('TOKEN_SETTINGS');

/**
 * Registered globally: every resolver and route needs a verified caller unless marked @Public().
 * The TenantContext comes only from the token's signed claims and the stored membership. Any
 * doubt (no token, bad signature, no membership, wrong role) denies.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly memberships: MembershipLookup,
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
    const tenant = req.tenantContext ?? (await this.authenticate(req.headers.authorization));
    const missing = required.filter((action) => !roleAllows(tenant.role, action));
    if (missing.length > 0) {
      throw new CandorException(ErrorCode.Forbidden, `Not allowed: needs ${missing.join(', ')}`);
    }
    req.tenantContext = tenant;
    return true;
  }

  private async authenticate(header: string | undefined): Promise<TenantContext> {
    const match = typeof header === 'string' ? /^Bearer ([^\s]+)$/i.exec(header) : null;
    if (!match?.[1]) {
      throw new CandorException(
        ErrorCode.Unauthenticated,
        'Sign-in required: send Authorization: Bearer <token>',
      );
    }
    const claims = verifyAccessToken(match[1], this.tokens);
    const grant = await this.memberships.find(claims.sub, claims.cid);
    if (!grant) {
      throw new CandorException(ErrorCode.Unauthenticated, 'No membership in this consultancy');
    }
    return contextFrom(claims.sub, claims.cid, grant);
  }
}
