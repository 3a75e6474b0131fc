import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Tokens of a signed-in session.' })
export class SessionPayload {
  @Field({ description: 'Short-lived access token: send as Authorization: Bearer <token>.' })
  accessToken!: string;

  @Field(() => GraphQLISODateTime, { description: 'When the access token expires.' })
  accessTokenExpiresAt!: Date;

  @Field(() => String, {
    nullable: true,
    description:
      'Opaque refresh token, single use (also set as the httpOnly candor_refresh cookie). ' +
      'Presenting a used one signs out the whole sign-in. Null for a platform-only session ' +
      '(platform admin without a membership): sign in again when the access token expires.',
  })
  refreshToken!: string | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the refresh token expires; null when there is none.',
  })
  refreshTokenExpiresAt!: Date | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The active consultancy of this session; null for a platform-only session.',
  })
  consultancyId!: string | null;

  @Field({ description: 'True when the caller is platform staff (may call platform operations).' })
  platformAdmin!: boolean;
}
