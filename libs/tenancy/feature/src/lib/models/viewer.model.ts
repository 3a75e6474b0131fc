import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

export const Role = {
  CONSULTANCY_OWNER: 'consultancy_owner',
  CONSULTANT: 'consultant',
  DEALER_MANAGER: 'dealer_manager',
  DEALER_AGENT: 'dealer_agent',
} as const;

registerEnumType(Role, {
  name: 'Role',
  description: "A person's role in a consultancy.",
  valuesMap: {
    CONSULTANCY_OWNER: { description: 'Runs the consultancy: every store, settings and people.' },
    CONSULTANT: { description: 'Coaches the stores assigned to them.' },
    DEALER_MANAGER: { description: 'Manages their own store(s).' },
    DEALER_AGENT: { description: 'Sees their own work and findings.' },
  },
});

@ObjectType({ description: 'A person who signs in to Candor.' })
export class User {
  @Field(() => ID, { description: 'Opaque Candor id of the person.' })
  id!: string;

  @Field({ description: 'Full name.' })
  name!: string;

  @Field({ description: 'Sign-in e-mail address.' })
  email!: string;
}

@ObjectType({ description: 'A consultancy: the tenant that grades its client stores.' })
export class Consultancy {
  @Field(() => ID, { description: 'Opaque Candor id of the consultancy.' })
  id!: string;

  @Field({ description: 'Name.' })
  name!: string;
}

@ObjectType({ description: 'A consultancy the caller belongs to, and their role there.' })
export class ViewerMembership {
  @Field(() => Consultancy, { description: 'The consultancy.' })
  consultancy!: Consultancy;

  @Field(() => Role, { description: 'Role held there.' })
  role!: (typeof Role)[keyof typeof Role];

  @Field({ description: 'True for the consultancy this session acts for.' })
  active!: boolean;
}

@ObjectType({ description: 'The signed-in caller and the consultancy they act for.' })
export class Viewer {
  @Field(() => User, { description: 'Who is calling.' })
  user!: User;

  @Field(() => Consultancy, { description: 'The active consultancy of this session.' })
  consultancy!: Consultancy;

  @Field(() => Role, { description: "The caller's role in the active consultancy." })
  role!: (typeof Role)[keyof typeof Role];

  @Field({ description: 'True when the caller sees every store of the consultancy.' })
  seesAllStores!: boolean;

  @Field(() => [ViewerMembership], {
    description: 'Every consultancy the caller belongs to (switch with switchConsultancy).',
  })
  memberships!: ViewerMembership[];
}
