import { Field, GraphQLISODateTime, InputType } from '@nestjs/graphql';

@InputType({ description: 'Narrows auditEvents; every given field must match.' })
export class AuditEventFilterInput {
  @Field(() => String, { nullable: true, description: 'Id of the acting user or API key.' })
  actorId?: string | null;

  @Field(() => String, { nullable: true, description: 'Exact action, e.g. auth.sign_in.' })
  action?: string | null;

  @Field(() => String, { nullable: true, description: 'Kind of entity, e.g. store.' })
  entityType?: string | null;

  @Field(() => String, { nullable: true, description: 'Id of the entity.' })
  entityId?: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'At or after this time.' })
  from?: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Before this time.' })
  to?: Date | null;
}
