import { hash, verify } from '@node-rs/argon2';

/** argon2id (the library's default algorithm) with its default cost settings. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verified against when the e-mail is unknown, so both failures cost the same time.
const DUMMY = hashPassword('candor-no-such-user-placeholder');

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (stored === null) {
    await verify(await DUMMY, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}
