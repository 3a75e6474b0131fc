import { Module, type Type } from '@nestjs/common';
import { PolicyResolver } from './policy.resolver';
import { PolicyService } from './policy.service';

/** Resolvers of this feature; the API's schema printer builds the schema from these lists. */
export const POLICY_RESOLVERS: Type[] = [PolicyResolver];

/** Grading policies over GraphQL: the policy in force, its versions, and editing them. */
@Module({ providers: [...POLICY_RESOLVERS, PolicyService] })
export class PolicyModule {}
