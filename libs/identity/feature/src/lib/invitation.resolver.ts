import { Args, Context, Field, ID, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import type { Request } from 'express';
import {
  type AuthenticatedRequest,
  CurrentTenant,
  originOf,
  Public,
  Requires,
  type TenantContext,
} from '@candor/platform-auth';
import { encodeId } from '@candor/platform-graphql';
import { InvitationService } from './invitation.service';
import { Invitation } from './models/invitation.model';
import { Role } from '@candor/tenancy-feature';

@ObjectType({ description: 'Result of accepting an invitation; sign in next.' })
export class AcceptedInvitation {
  @Field({ description: 'The e-mail to sign in with.' })
  email!: string;

  @Field(() => ID, { description: 'The consultancy joined.' })
  consultancyId!: string;
}

@Resolver()
export class InvitationResolver {
  constructor(private readonly invitations: InvitationService) {}

  @Requires('members:invite')
  @Mutation(() => Invitation, {
    description: 'E-mails a single-use invitation (valid 7 days) to join with a role and stores.',
  })
  async inviteMember(
    @CurrentTenant() ctx: TenantContext,
    @Args('email', { description: 'Who to invite.' }) email: string,
    @Args('role', { type: () => Role, description: 'Role they will hold.' })
    role: (typeof Role)[keyof typeof Role],
    @Args('storeIds', { type: () => [ID], nullable: true, description: 'Stores to assign.' })
    storeIds?: string[] | null,
  ): Promise<Invitation> {
    const made = await this.invitations.invite(ctx, email, role, storeIds ?? []);
    return { id: encodeId('Invitation', made.id), expiresAt: made.expiresAt };
  }

  @Public()
  @Mutation(() => AcceptedInvitation, {
    description:
      'Accepts an invitation with the token from its e-mail. New people set their name and ' +
      'password; people with an account confirm with their current password.',
  })
  async acceptInvitation(
    @Context('req') req: Request & AuthenticatedRequest,
    @Args('token', { description: 'Token from the invitation link.' }) token: string,
    @Args('name', { description: 'Your full name (new accounts).' }) name: string,
    @Args('password', { description: 'New password (at least 12 characters).' }) password: string,
  ): Promise<AcceptedInvitation> {
    const done = await this.invitations.accept(token, name, password, originOf(req));
    return { email: done.email, consultancyId: encodeId('Consultancy', done.consultancyId) };
  }

  @Public()
  @Mutation(() => Boolean, {
    description: 'E-mails a password reset link when the address has an account; always true.',
  })
  async requestPasswordReset(
    @Context('req') req: Request & AuthenticatedRequest,
    @Args('email', { description: 'Sign-in e-mail address.' }) email: string,
  ): Promise<boolean> {
    await this.invitations.requestReset(email, originOf(req));
    return true;
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Sets a new password with the token from the e-mail.' })
  async resetPassword(
    @Context('req') req: Request & AuthenticatedRequest,
    @Args('token', { description: 'Token from the reset link.' }) token: string,
    @Args('newPassword', { description: 'At least 12 characters.' }) newPassword: string,
  ): Promise<boolean> {
    await this.invitations.reset(token, newPassword, originOf(req));
    return true;
  }
}
