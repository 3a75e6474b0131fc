import { z } from 'zod';
import type { PullConnector } from '@candor/connectors-core';
import { EleadConnector } from '@candor/connectors-elead';
import { TwilioCallsConnector } from '@candor/connectors-twilio';
import { VinSolutionsConnector } from '@candor/connectors-vinsolutions';
import type { FieldError } from '@candor/shared-errors';

/** A stored connector as the catalog needs it: settings as saved, credentials opened. */
export interface StoredConnector {
  kind: string;
  settings: Readonly<Record<string, unknown>>;
  credentials: Readonly<Record<string, string>> | null;
}

interface CatalogEntry<S, C> {
  /** What a consultant sees in the connector list. */
  title: string;
  settings: z.ZodType<S>;
  credentials: z.ZodType<C>;
  create(settings: S, credentials: C): PullConnector;
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-03-01');
const instant = z
  .string()
  .refine((v) => !Number.isNaN(Date.parse(v)), 'must be an ISO 8601 date and time');
const url = z.string().url('must be an absolute URL').optional();
const secret = z.string().min(1, 'is required');

const twilio: CatalogEntry<
  { since: string; baseUrl?: string; transcripts?: boolean },
  { accountSid: string; authToken: string; apiKeySid?: string }
> = {
  title: 'Twilio calls',
  settings: z.strictObject({ since: day, baseUrl: url, transcripts: z.boolean().optional() }),
  credentials: z.strictObject({
    accountSid: z.string().regex(/^AC[0-9a-f]{32}$/i, 'must be an account SID (AC…)'),
    authToken: secret,
    apiKeySid: z
      .string()
      .regex(/^SK[0-9a-f]{32}$/i, 'must be an API key SID (SK…)')
      .optional(),
  }),
  create: (s, c) => new TwilioCallsConnector({ ...s, ...c }),
};

const elead: CatalogEntry<
  { subscriptionId: string; since: string; baseUrl?: string; tokenUrl?: string; scope?: string },
  { clientId: string; clientSecret: string }
> = {
  title: 'Elead (Fortellis)',
  settings: z.strictObject({
    subscriptionId: secret,
    since: instant,
    baseUrl: url,
    tokenUrl: url,
    scope: z.string().optional(),
  }),
  credentials: z.strictObject({ clientId: secret, clientSecret: secret }),
  create: (s, c) => new EleadConnector({ ...s, ...c }),
};

const vinsolutions: CatalogEntry<
  { dealerId: string; since: string; baseUrl?: string; tokenUrl?: string; scope?: string },
  { clientId: string; clientSecret: string; apiKey: string }
> = {
  title: 'VinSolutions',
  settings: z.strictObject({
    dealerId: secret,
    since: instant,
    baseUrl: url,
    tokenUrl: url,
    scope: z.string().optional(),
  }),
  credentials: z.strictObject({ clientId: secret, clientSecret: secret, apiKey: secret }),
  create: (s, c) => new VinSolutionsConnector({ ...s, ...c }),
};

/** Every polled connector Candor can sync, by kind. Pushed sources (ADF, webhooks) need none. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const CATALOG: Record<string, CatalogEntry<any, any>> = { twilio, elead, vinsolutions };

export const CONNECTOR_KINDS = Object.keys(CATALOG);

export function connectorTitle(kind: string): string | null {
  return CATALOG[kind]?.title ?? null;
}

function problems(prefix: string, error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].join('.'),
    message:
      issue.code === 'unrecognized_keys'
        ? `unknown field(s) ${issue.keys.join(', ')}`
        : issue.code === 'invalid_type' && issue.input === undefined
          ? 'is required'
          : issue.message,
  }));
}

/**
 * Checks a connector's kind, settings and credentials before they are stored; returns every
 * problem with its field (credentials are checked for shape only, never echoed back).
 */
export function validateConnector(
  kind: string,
  settings: unknown,
  credentials: unknown | null,
): FieldError[] {
  const entry = CATALOG[kind];
  if (!entry) {
    return [{ field: 'kind', message: `must be one of ${CONNECTOR_KINDS.join(', ')}` }];
  }
  const errors: FieldError[] = [];
  const s = entry.settings.safeParse(settings ?? {});
  if (!s.success) errors.push(...problems('settings', s.error));
  if (credentials !== null) {
    const c = entry.credentials.safeParse(credentials);
    if (!c.success) errors.push(...problems('credentials', c.error));
  }
  return errors;
}

export class ConnectorSetupError extends Error {}

/** Builds the polled connector for a stored configuration, or says what is wrong with it. */
export function createPullConnector(stored: StoredConnector): PullConnector {
  const entry = CATALOG[stored.kind];
  if (!entry)
    throw new ConnectorSetupError(`no pull connector is installed for kind ${stored.kind}`);
  if (!stored.credentials) {
    throw new ConnectorSetupError(`the ${entry.title} connector has no credentials`);
  }
  const errors = validateConnector(stored.kind, stored.settings, stored.credentials);
  if (errors.length > 0) {
    throw new ConnectorSetupError(
      `the ${entry.title} connector is misconfigured: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`,
    );
  }
  return entry.create(
    entry.settings.parse(stored.settings),
    entry.credentials.parse(stored.credentials),
  ) as PullConnector;
}
