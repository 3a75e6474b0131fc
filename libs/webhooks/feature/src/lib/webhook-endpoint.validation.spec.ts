import { describe, expect, it } from 'vitest';
import { checkEndpointFields } from './webhook-endpoint.validation';

const production = { requireHttps: true, allowPrivateHosts: false };

describe('webhook endpoint input', () => {
  it('names every bad field with its reason', () => {
    const { errors } = checkEndpointFields(
      {
        url: 'http://hooks.example.com/x',
        eventTypes: ['report.ready', 'report.readdy'],
        description: 'x'.repeat(501),
      },
      production,
    );
    expect(errors).toEqual([
      { field: 'input.url', message: 'must use https' },
      {
        field: 'input.eventTypes[1]',
        message:
          'unknown event type "report.readdy" (one of report.ready, finding.created, lead.neglected)',
      },
      { field: 'input.description', message: 'must be at most 500 characters long' },
    ]);
  });

  it('requires at least one event type and removes repeats', () => {
    expect(checkEndpointFields({ eventTypes: [] }, production).errors[0]?.field).toBe(
      'input.eventTypes',
    );
    const { fields, errors } = checkEndpointFields(
      { url: 'https://hooks.example.com/x', eventTypes: ['lead.neglected', 'lead.neglected'] },
      production,
    );
    expect(errors).toEqual([]);
    expect(fields).toEqual({ url: 'https://hooks.example.com/x', eventTypes: ['lead.neglected'] });
  });

  it('leaves out what was not given (an update of one field)', () => {
    expect(checkEndpointFields({ url: null, eventTypes: undefined }, production)).toEqual({
      fields: {},
      errors: [],
    });
  });
});
