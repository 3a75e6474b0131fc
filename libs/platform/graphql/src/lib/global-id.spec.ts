import { describe, expect, it } from 'vitest';
import { decodeId, decodeKeyId, encodeId, encodeKeyId } from './global-id';

describe('key ids', () => {
  it('round-trip parts with any characters, typed', () => {
    const id = encodeKeyId('Lead', ['0b8f5f6e-2b7e-4a0e-9c1f-3f1d2a4b5c6d', 'L:4411/"x"']);
    expect(decodeKeyId('Lead', id, 2)).toEqual([
      '0b8f5f6e-2b7e-4a0e-9c1f-3f1d2a4b5c6d',
      'L:4411/"x"',
    ]);
  });

  it('refuse another type, another arity and garbage with the field named', () => {
    const id = encodeKeyId('Agent', ['s', 'u-17']);
    expect(() => decodeKeyId('Lead', id, 2, 'leadId')).toThrow('leadId: not a valid Lead id');
    expect(() => decodeKeyId('Agent', id, 3)).toThrow('not a valid Agent id');
    expect(() => decodeKeyId('Agent', 'not-base64-json', 2)).toThrow('not a valid Agent id');
    expect(() => decodeKeyId('Agent', encodeKeyId('Agent', ['s', '']), 2)).toThrow();
  });

  it('are not accepted where a uuid id is expected', () => {
    expect(() => decodeId('Store', encodeKeyId('Store', ['x']))).toThrow('not a valid Store id');
    expect(decodeId('Store', encodeId('Store', '0b8f5f6e-2b7e-4a0e-9c1f-3f1d2a4b5c6d'))).toBe(
      '0b8f5f6e-2b7e-4a0e-9c1f-3f1d2a4b5c6d',
    );
  });
});
