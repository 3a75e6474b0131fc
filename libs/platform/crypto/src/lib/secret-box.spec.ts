import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretBox } from './secret-box';

const key = () => randomBytes(32).toString('base64');

describe('SecretBox', () => {
  it('opens what it sealed, only with the same associated data', () => {
    const box = SecretBox.fromBase64(key());
    const sealed = box.seal('whsec_abc', 'row:1');
    expect(sealed.ciphertext.includes(Buffer.from('whsec_abc'))).toBe(false);
    expect(box.open(sealed, 'row:1')).toBe('whsec_abc');
    expect(() => box.open(sealed, 'row:2')).toThrow(/could not be decrypted/);
  });

  it('names the key that sealed a value when another key is configured', () => {
    const sealed = SecretBox.fromBase64(key()).seal('x', 'a');
    expect(() => SecretBox.fromBase64(key()).open(sealed, 'a')).toThrow(
      /sealed with key k1-[0-9a-f]{12}, but CANDOR_SECRETS_KEY is key k1-/,
    );
  });

  it('refuses a missing or malformed key, naming the variable', () => {
    expect(() => SecretBox.fromBase64(undefined)).toThrow(/CANDOR_SECRETS_KEY is not set/);
    expect(() => SecretBox.fromBase64('c2hvcnQ=')).toThrow(/CANDOR_SECRETS_KEY must be/);
  });
});
