import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { CandorException, ErrorCode } from '@candor/shared-errors';
import { requestOf } from './request-of';
import type { Action } from './permissions';
import type { PlatformAdminContext, TenantContext } from './tenant-context';

export const PUBLIC_KEY = 'candor:public';
export const REQUIRES_KEY = 'candor:requires';

/** Marks a handler that needs no caller (health probes). Everything else requires one. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * The actions a handler needs (all of them). Every resolver and route must carry @Requires or
 * @Public: the guard denies anything else, and a test fails on a handler with neither.
 */
export const Requires = (...actions: [Action, ...Action[]]) => SetMetadata(REQUIRES_KEY, actions);

/** The verified TenantContext of the request; fails closed when there is none. */
export const CurrentTenant = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): TenantContext => {
    const tenant = requestOf(ctx).tenantContext;
    if (!tenant) throw new CandorException(ErrorCode.Unauthenticated, 'Sign-in required');
    return tenant;
  },
);

/** The verified platform admin calling; fails closed for anyone else. */
export const CurrentPlatformAdmin = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): PlatformAdminContext => {
    const admin = requestOf(ctx).platformAdmin;
    if (!admin) throw new CandorException(ErrorCode.Forbidden, 'Platform admins only');
    return admin;
  },
);
