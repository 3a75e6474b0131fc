import { describe, expect, it } from 'vitest';
import { ConnectorSetupError, createPullConnector, validateConnector } from './connector-catalog';

const twilioCredentials = { accountSid: `AC${'a'.repeat(32)}`, authToken: 'token' };

describe('connector catalog', () => {
  it('accepts a complete configuration and builds the connector of its kind', () => {
    expect(validateConnector('twilio', { since: '2026-03-01' }, twilioCredentials)).toEqual([]);
    const connector = createPullConnector({
      kind: 'twilio',
      settings: { since: '2026-03-01' },
      credentials: twilioCredentials,
    });
    expect(connector.kind).toBe('twilio');
  });

  it('names every bad field, for settings and credentials alike', () => {
    expect(
      validateConnector('vinsolutions', { since: 'last week', extra: 1 }, { clientId: 'x' }),
    ).toEqual([
      { field: 'settings.dealerId', message: 'is required' },
      { field: 'settings.since', message: 'must be an ISO 8601 date and time' },
      { field: 'settings', message: 'unknown field(s) extra' },
      { field: 'credentials.clientSecret', message: 'is required' },
      { field: 'credentials.apiKey', message: 'is required' },
    ]);
  });

  it('rejects an unknown kind and a connector without credentials with a reason', () => {
    expect(validateConnector('dealersocket', {}, null)).toEqual([
      { field: 'kind', message: 'must be one of twilio, elead, vinsolutions' },
    ]);
    expect(() => createPullConnector({ kind: 'elead', settings: {}, credentials: null })).toThrow(
      new ConnectorSetupError('the Elead (Fortellis) connector has no credentials'),
    );
  });
});
