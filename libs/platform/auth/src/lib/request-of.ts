import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { IncomingHttpHeaders } from 'node:http';
import type { TenantContext } from './tenant-context';

export interface AuthenticatedRequest {
  headers: IncomingHttpHeaders;
  tenantContext?: TenantContext;
}

/** The HTTP request behind a REST handler or a GraphQL resolver. */
export function requestOf(ctx: ExecutionContext): AuthenticatedRequest {
  if (ctx.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(ctx).getContext<{ req: AuthenticatedRequest }>().req;
  }
  return ctx.switchToHttp().getRequest<AuthenticatedRequest>();
}
