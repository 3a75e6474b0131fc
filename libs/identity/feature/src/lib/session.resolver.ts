import { Args, Context, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  type AuthenticatedRequest,
  CurrentTenant,
  originOf,
  Public,
  Requires,
  type TenantContext,
} from '@candor/platform-auth';
import { decodeId, encodeId } from '@candor/platform-graphql';
import { IdentityException } from './identity.exception';
import { IDENTITY_SETTINGS, type IdentitySettings, REFRESH_COOKIE } from './identity.settings';
import { SessionPayload } from './models/session.model';
import { refreshCookieOf } from './refresh-cookie';
import { type IssuedSession, SessionService } from './session.service';

interface HttpContext {
  req: Request & AuthenticatedRequest;
  res: Response;
}

@Resolver()
export class SessionResolver {
  constructor(
    private readonly sessions: SessionService,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  @Public()
  @Mutation(() => SessionPayload, {
    description:
      'Signs in with e-mail and password. With several consultancies, pass consultancyId ' +
      '(the error lists the choices). Sets the candor_refresh cookie.',
  })
  async signIn(
    @Context() http: HttpContext,
    @Args('email', { description: 'Sign-in e-mail address.' }) email: string,
    @Args('password', { description: 'Password.' }) password: string,
    @Args('consultancyId', { type: () => ID, nullable: true, description: 'Which consultancy.' })
    consultancyId?: string | null,
  ): Promise<SessionPayload> {
    const cid = consultancyId ? decodeId('Consultancy', consultancyId, 'consultancyId') : null;
    return this.respond(http, await this.sessions.signIn(email, password, cid, originOf(http.req)));
  }

  @Public()
  @Mutation(() => SessionPayload, {
    description:
      'Exchanges a refresh token (argument or candor_refresh cookie) for new tokens; each ' +
      'refresh token works once.',
  })
  async refreshSession(
    @Context() http: HttpContext,
    @Args('refreshToken', {
      type: () => String,
      nullable: true,
      description: 'Omit to use the cookie.',
    })
    refreshToken?: string | null,
  ): Promise<SessionPayload> {
    const token = refreshToken ?? refreshCookieOf(http.req.headers);
    try {
      if (!token) throw IdentityException.invalidRefresh('No refresh token given');
      return this.respond(http, await this.sessions.refresh(token, originOf(http.req)));
    } catch (e) {
      // A used, expired or revoked token never works again: drop the cookie so the portal stops
      // presenting it (and, after reuse, does not keep tripping the family revocation).
      http.res.clearCookie(REFRESH_COOKIE, this.cookieOptions());
      throw e;
    }
  }

  @Public()
  @Mutation(() => Boolean, {
    description: 'Ends the sign-in of a refresh token (argument or cookie); true when one ended.',
  })
  async signOut(
    @Context() http: HttpContext,
    @Args('refreshToken', {
      type: () => String,
      nullable: true,
      description: 'Omit to use the cookie.',
    })
    refreshToken?: string | null,
  ): Promise<boolean> {
    const token = refreshToken ?? refreshCookieOf(http.req.headers);
    http.res.clearCookie(REFRESH_COOKIE, this.cookieOptions());
    return token ? this.sessions.signOut(token, originOf(http.req)) : false;
  }

  @Requires('session:manage')
  @Mutation(() => Boolean, {
    description: 'Changes your password and signs out your other sessions.',
  })
  async changePassword(
    @CurrentTenant() ctx: TenantContext,
    @Args('currentPassword', { description: 'Your password now.' }) currentPassword: string,
    @Args('newPassword', { description: 'At least 12 characters.' }) newPassword: string,
  ): Promise<boolean> {
    await this.sessions.changePassword(ctx, currentPassword, newPassword);
    return true;
  }

  @Requires('session:manage')
  @Mutation(() => SessionPayload, {
    description: 'New tokens for another consultancy you belong to.',
  })
  async switchConsultancy(
    @Context() http: HttpContext,
    @CurrentTenant() ctx: TenantContext,
    @Args('consultancyId', { type: () => ID, description: 'The consultancy to act for.' })
    consultancyId: string,
  ): Promise<SessionPayload> {
    const cid = decodeId('Consultancy', consultancyId, 'consultancyId');
    return this.respond(http, await this.sessions.switchConsultancy(ctx, cid));
  }

  private cookieOptions() {
    return {
      httpOnly: true,
      sameSite: 'strict' as const,
      secure: this.settings.secureCookies,
      path: '/graphql',
    };
  }

  private respond(http: HttpContext, session: IssuedSession): SessionPayload {
    if (session.refreshToken && session.refreshTokenExpiresAt) {
      http.res.cookie(REFRESH_COOKIE, session.refreshToken, {
        ...this.cookieOptions(),
        expires: session.refreshTokenExpiresAt,
      });
    } else {
      http.res.clearCookie(REFRESH_COOKIE, this.cookieOptions());
    }
    return {
      accessToken: session.accessToken,
      accessTokenExpiresAt: session.accessTokenExpiresAt,
      refreshToken: session.refreshToken,
      refreshTokenExpiresAt: session.refreshTokenExpiresAt,
      consultancyId: session.consultancyId ? encodeId('Consultancy', session.consultancyId) : null,
      platformAdmin: session.platformAdmin,
    };
  }
}
