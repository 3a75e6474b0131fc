import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPlatformAdmin, type PlatformAdminContext, Requires } from '@candor/platform-auth';
import { ConnectionArgs, encodeId } from '@candor/platform-graphql';
import {
  ConsultancySummary,
  ConsultancySummaryConnection,
  CreateConsultancyPayload,
} from './models/platform.model';
import { PlatformService } from './platform.service';

/** Platform operations (platform staff only; see PLATFORM_ACTIONS in platform-auth). */
@Resolver(() => ConsultancySummary)
export class PlatformResolver {
  constructor(private readonly platform: PlatformService) {}

  @Requires('platform:tenants')
  @Query(() => ConsultancySummaryConnection, {
    description: 'Every consultancy with store and member counts, by name (platform admins).',
  })
  consultancies(
    @CurrentPlatformAdmin() admin: PlatformAdminContext,
    @Args() args: ConnectionArgs,
  ): Promise<ConsultancySummaryConnection> {
    return this.platform.list(admin, args);
  }

  @Requires('platform:tenants')
  @Mutation(() => CreateConsultancyPayload, {
    description:
      'Creates a consultancy and e-mails its first owner an invitation (platform admins). ' +
      'Creating it grants the platform admin no access to it.',
  })
  async createConsultancy(
    @CurrentPlatformAdmin() admin: PlatformAdminContext,
    @Args('name', { description: 'Name of the consultancy.' }) name: string,
    @Args('ownerEmail', { description: 'E-mail of its first owner, who gets the invitation.' })
    ownerEmail: string,
    @Args('ownerName', { description: 'Name of its first owner (recorded with the creation).' })
    ownerName: string,
  ): Promise<CreateConsultancyPayload> {
    const made = await this.platform.create(admin, { name, ownerEmail, ownerName });
    return {
      consultancy: made.consultancy,
      ownerInvitation: {
        id: encodeId('Invitation', made.invitation.id),
        expiresAt: made.invitation.expiresAt,
      },
    };
  }
}
