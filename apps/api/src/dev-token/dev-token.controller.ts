import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import {
  MembershipLookup,
  Public,
  signAccessToken,
  TOKEN_SETTINGS,
  type TokenSettings,
} from '@candor/platform-auth';
import { CandorException, ErrorCode } from '@candor/shared-errors';

export const DEV_TOKEN_TTL_SECONDS = 8 * 3600;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Development only (CANDOR_DEV_TOKENS=true, refused in production): signs an access token for an
 * existing membership, until sign-in with passwords exists. It cannot mint a role or a tenant:
 * the guard still loads the membership from the database on every request.
 */
@Controller('dev')
@Public()
export class DevTokenController {
  constructor(
    private readonly memberships: MembershipLookup,
    @Inject(TOKEN_SETTINGS) private readonly tokens: TokenSettings,
  ) {}

  @Post('token')
  @HttpCode(200)
  async issue(
    @Body() body: { userId?: unknown; consultancyId?: unknown },
  ): Promise<{ token: string }> {
    const { userId, consultancyId } = body ?? {};
    if (
      typeof userId !== 'string' ||
      !UUID.test(userId) ||
      typeof consultancyId !== 'string' ||
      !UUID.test(consultancyId)
    ) {
      throw new CandorException(ErrorCode.BadUserInput, 'userId and consultancyId must be UUIDs');
    }
    if (!(await this.memberships.find(userId, consultancyId))) {
      throw new CandorException(ErrorCode.NotFound, 'No such membership');
    }
    const token = signAccessToken(
      { sub: userId, cid: consultancyId },
      this.tokens,
      DEV_TOKEN_TTL_SECONDS,
    );
    return { token };
  }
}
