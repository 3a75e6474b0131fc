import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { IncomingHttpHeaders } from 'node:http';
import type { PlatformAdminContext, RequestOrigin, TenantContext } from './tenant-context';

export interface AuthenticatedRequest {
  headers: IncomingHttpHeaders;
  ip?: string;
  id?: unknown;
  tenantContext?: TenantContext;
  /** Set when the caller is a verified platform admin (beside or without a tenantContext). */
  platformAdmin?: PlatformAdminContext;
}

/** The HTTP request behind a REST handler or a GraphQL resolver. */
export function requestOf(ctx: ExecutionContext): AuthenticatedRequest {
  if (ctx.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(ctx).getContext<{ req: AuthenticatedRequest }>().req;
  }
  return ctx.switchToHttp().getRequest<AuthenticatedRequest>();
}

/** IP, user agent and request id of a request, for the audit trail. */
export function originOf(req: AuthenticatedRequest): RequestOrigin {
  const ua = req.headers['user-agent'];
  const id = req.id ?? req.headers['x-request-id'];
  return {
    ip: req.ip ?? null,
    userAgent: typeof ua === 'string' ? ua.slice(0, 500) : null,
    requestId: typeof id === 'string' || typeof id === 'number' ? String(id) : null,
  };
}
