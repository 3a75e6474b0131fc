import {
  defaultFieldResolver,
  type GraphQLFieldResolver,
  GraphQLObjectType,
  GraphQLSchema,
} from 'graphql';
import { actorOf, type AuditRecorder, type AuthenticatedRequest } from '@candor/platform-auth';
import { type MutationScope, mutationScope } from './mutation-scope';

type Resolver = GraphQLFieldResolver<unknown, unknown, Record<string, unknown>>;

function audited(resolve: Resolver, recorder: AuditRecorder): Resolver {
  return (source, args, context, info) => {
    const scope: MutationScope = { recorded: false };
    return mutationScope.run(scope, async () => {
      const result: unknown = await resolve(source, args, context, info);
      // Nest's exception filters hand a refused or failed mutation back as an Error value.
      if (result instanceof Error) return result;
      const tenant = (context as { req?: AuthenticatedRequest }).req?.tenantContext;
      if (tenant && !scope.recorded) {
        await recorder.record({
          consultancyId: tenant.consultancyId,
          actor: actorOf(tenant),
          action: `mutation.${info.fieldName}`,
          details: { args },
          ...(tenant.origin ? { origin: tenant.origin } : {}),
        });
      }
      return result;
    });
  };
}

/**
 * Records every successful GraphQL mutation of a signed-in caller as `mutation.<field>`, with
 * its arguments (secrets redacted by the recorder), unless the mutation's service recorded its
 * own event: then that one (with before/after) is the mutation's only row. Public mutations
 * (sign-in, invitations) record their own security events, since they know the consultancy
 * only once they succeed.
 *
 * Returns the schema with each Mutation field's resolver wrapped, around Nest's guards and
 * handler, so queries pay nothing for it (as a global Nest interceptor it cost every query's
 * root fields an async resource and an observable chain). The given schema is left as it is.
 */
export function auditEveryMutation(schema: GraphQLSchema, recorder: AuditRecorder): GraphQLSchema {
  const mutation = schema.getMutationType();
  if (!mutation) return schema;
  const config = mutation.toConfig();
  const fields = Object.fromEntries(
    Object.entries(config.fields).map(([name, field]) => {
      const resolve = (field.resolve ?? defaultFieldResolver) as Resolver;
      return [name, { ...field, resolve: audited(resolve, recorder) }];
    }),
  );
  const replaced = new GraphQLObjectType({ ...config, fields });
  const schemaConfig = schema.toConfig();
  return new GraphQLSchema({
    ...schemaConfig,
    mutation: replaced,
    types: schemaConfig.types.map((type) => (type === mutation ? replaced : type)),
  });
}
