import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { from, Observable, switchMap } from 'rxjs';
import { actorOf, AuditRecorder, requestOf } from '@candor/platform-auth';
import { type MutationScope, mutationScope } from './mutation-scope';

/**
 * Records every successful GraphQL mutation of a signed-in caller as `mutation.<field>`, with
 * its arguments (secrets redacted by the recorder), unless the mutation's service recorded its
 * own event: then that one (with before/after) is the mutation's only row. Public mutations
 * (sign-in, invitations) record their own security events, since they know the consultancy
 * only once they succeed.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(private readonly recorder: AuditRecorder) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType<string>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(ctx);
    const info = gql.getInfo<{ operation: { operation: string }; fieldName: string }>();
    if (info.operation.operation !== 'mutation') return next.handle();
    const scope: MutationScope = { recorded: false };
    // Nest binds the handler to the async context current when handle() is called, so both the
    // call and the subscription happen inside the scope.
    const handled = new Observable<unknown>((subscriber) =>
      mutationScope.run(scope, () => next.handle().subscribe(subscriber)),
    );
    return handled.pipe(
      switchMap((result: unknown) => {
        const tenant = requestOf(ctx).tenantContext;
        if (!tenant || scope.recorded) return from([result]);
        const record = this.recorder
          .record({
            consultancyId: tenant.consultancyId,
            actor: actorOf(tenant),
            action: `mutation.${info.fieldName}`,
            details: { args: gql.getArgs<Record<string, unknown>>() },
            ...(tenant.origin ? { origin: tenant.origin } : {}),
          })
          .then(() => result);
        return from(record);
      }),
    );
  }
}
