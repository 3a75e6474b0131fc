import { parseValue } from 'graphql';
import { describe, expect, it } from 'vitest';
import { JSONObjectScalar } from './json-object.scalar';

describe('the JSONObject scalar', () => {
  it('reads an inline object, with variables inside it', () => {
    const literal = parseValue(
      '{ neglectDays: 5, cadence: [{ day: 0, channel: "call" }], on: $on }',
    );
    expect(JSONObjectScalar.parseLiteral(literal, { on: true })).toEqual({
      neglectDays: 5,
      cadence: [{ day: 0, channel: 'call' }],
      on: true,
    });
  });

  it('keeps keys no GraphQL literal could hold when sent as a variable', () => {
    const value = { grading: { 'response.trueMedianMin': { floor: 60, target: 10 } } };
    expect(JSONObjectScalar.parseValue(value)).toEqual(value);
  });

  it.each([[[1, 2]], ['text'], [null], [42]])('refuses %j: not an object', (value) => {
    expect(() => JSONObjectScalar.parseValue(value)).toThrow('JSONObject: must be a JSON object');
  });

  it('refuses enum values inside a literal', () => {
    expect(() => JSONObjectScalar.parseLiteral(parseValue('{ channel: CALL }'), {})).toThrow(
      'enums are not JSON values',
    );
  });
});
