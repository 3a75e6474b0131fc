import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { CandorException, ErrorCode } from '@candor/shared-errors';
import type { BucketState, LeakyBucketLimiter } from './leaky-bucket';
import type { CostCarrier } from './query-cost.context';

export const QUERY_COST_LIMITER = Symbol('QUERY_COST_LIMITER');

interface CostRequest extends CostCarrier {
  tenantContext?: { consultancyId: string };
}

interface HeaderSink {
  setHeader?: (name: string, value: string | number) => unknown;
  headersSent?: boolean;
}

function writeHeaders(res: HeaderSink | undefined, state: BucketState): void {
  if (!res?.setHeader || res.headersSent) return;
  res.setHeader(
    'RateLimit-Policy',
    `${state.capacity};w=${state.capacity / state.restorePerSecond}`,
  );
  res.setHeader('RateLimit-Limit', state.capacity);
  res.setHeader('RateLimit-Remaining', state.available);
  res.setHeader('RateLimit-Reset', state.secondsToFull);
  if (!state.allowed) res.setHeader('Retry-After', state.retryAfterSeconds);
}

/**
 * Charges an operation's calculated cost to its consultancy's bucket once. Registered as a global
 * guard right after the AuthGuard, so it runs once that has established who is calling. A guard
 * rather than an interceptor: Nest wraps every interceptor of every root field in an async
 * resource and an observable chain, a cost each query paid. Public operations such as sign-in
 * carry their own limits. A refused charge fails every field of the operation with RATE_LIMITED.
 */
@Injectable()
export class QueryCostGuard implements CanActivate {
  constructor(@Inject(QUERY_COST_LIMITER) private readonly limiter: LeakyBucketLimiter) {}

  canActivate(ctx: ExecutionContext): boolean {
    if (ctx.getType<string>() !== 'graphql') return true;
    const { req, res } = GqlExecutionContext.create(ctx).getContext<{
      req?: CostRequest;
      res?: HeaderSink;
    }>();
    const cost = req?.queryCost;
    const tenant = req?.tenantContext;
    if (!cost || !tenant) return true;
    if (!cost.charge) {
      cost.charge = this.limiter.charge(tenant.consultancyId, cost.requested);
      writeHeaders(res, cost.charge);
    }
    const charge = cost.charge;
    if (!charge.allowed) {
      throw new CandorException(
        ErrorCode.RateLimited,
        `Rate limited: this query costs ${cost.requested} points and your consultancy has ${charge.available} of ${charge.capacity} left (restoring ${charge.restorePerSecond} per second); retry in ${charge.retryAfterSeconds} s`,
      );
    }
    return true;
  }
}
