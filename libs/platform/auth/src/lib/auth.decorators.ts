import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { CandorException, ErrorCode } from '@candor/shared-errors';
import { requestOf } from './request-of';
import type { MembershipRole, TenantContext } from './tenant-context';

export const PUBLIC_KEY = 'candor:public';
export const ROLES_KEY = 'candor:roles';

/** Marks a handler that needs no caller (health probes). Everything else requires one. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Restricts a handler to these membership roles (checked by the AuthGuard). */
export const Roles = (...roles: MembershipRole[]) => SetMetadata(ROLES_KEY, roles);

/** The verified TenantContext of the request; fails closed when there is none. */
export const CurrentTenant = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): TenantContext => {
    const tenant = requestOf(ctx).tenantContext;
    if (!tenant) throw new CandorException(ErrorCode.Unauthenticated, 'Sign-in required');
    return tenant;
  },
);
