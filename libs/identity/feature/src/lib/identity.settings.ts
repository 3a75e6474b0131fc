import type { TokenSettings } from '@candor/platform-auth';
import type { Mailer } from '@candor/platform-mail';

/** What the identity feature needs from the app's validated configuration. */
export interface IdentitySettings {
  tokens: TokenSettings;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** Failed sign-ins per account before it is locked (then exponential back-off). */
  accountFailureLimit: number;
  /** Failed sign-ins per client IP before it is locked. */
  ipFailureLimit: number;
  /** Mark the refresh cookie Secure (production, behind HTTPS). */
  secureCookies: boolean;
  /** Base of links in e-mails (invitations, password resets). */
  publicUrl: string;
  mailer: Mailer;
}

export const IDENTITY_SETTINGS = Symbol('IDENTITY_SETTINGS');

export const REFRESH_COOKIE = 'candor_refresh';
