export interface WebhooksOptions {
  /** CANDOR_SECRETS_KEY; without it no endpoint can be created and no secret rotated. */
  secretsKey: string | undefined;
  /** Endpoints must use https (production). */
  requireHttps: boolean;
  /** Endpoints may point at localhost and private addresses (development and tests). */
  allowPrivateHosts: boolean;
}

export const WEBHOOKS_OPTIONS = Symbol('WEBHOOKS_OPTIONS');
