import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { CandorException, ErrorCode } from '@candor/shared-errors';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A sealed secret as stored: `[version][iv 12][tag 16][ciphertext]`, and the key that sealed it. */
export interface SealedSecret {
  ciphertext: Buffer;
  keyId: string;
}

/**
 * Seals secrets kept in the database (connector credentials, webhook signing secrets) with
 * AES-256-GCM, a random 96-bit IV per encryption. The key id (a short hash of the key) is
 * stored beside each ciphertext so a rotated key can be told apart from a corrupt value, and so
 * rows sealed with an old key can be found and re-sealed.
 */
export class SecretBox {
  private constructor(
    private readonly key: Buffer,
    readonly keyId: string,
  ) {}

  /** From `CANDOR_SECRETS_KEY` (base64 of exactly 32 random bytes). */
  static fromBase64(encoded: string | undefined): SecretBox {
    if (!encoded) {
      throw new CandorException(
        ErrorCode.Internal,
        'CANDOR_SECRETS_KEY is not set: sealed secrets cannot be stored or read',
      );
    }
    const key = Buffer.from(encoded, 'base64');
    if (key.length !== 32 || key.toString('base64') !== encoded.trim()) {
      throw new CandorException(
        ErrorCode.Internal,
        'CANDOR_SECRETS_KEY must be the base64 encoding of exactly 32 bytes',
      );
    }
    const keyId = `k1-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
    return new SecretBox(key, keyId);
  }

  seal(plaintext: string, associatedData: string): SealedSecret {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const ciphertext = Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
    return { ciphertext, keyId: this.keyId };
  }

  /** `associatedData` binds a ciphertext to its row: a value copied onto another row fails. */
  open(sealed: SealedSecret, associatedData: string): string {
    if (sealed.keyId !== this.keyId) {
      throw new CandorException(
        ErrorCode.Internal,
        `This secret was sealed with key ${sealed.keyId}, but CANDOR_SECRETS_KEY is key ${this.keyId}`,
      );
    }
    const data = sealed.ciphertext;
    if (data.length < 1 + IV_BYTES + TAG_BYTES || data[0] !== VERSION) {
      throw new CandorException(ErrorCode.Internal, 'A stored secret is not in a known format');
    }
    const iv = data.subarray(1, 1 + IV_BYTES);
    const tag = data.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([
        decipher.update(data.subarray(1 + IV_BYTES + TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new CandorException(
        ErrorCode.Internal,
        'A stored secret could not be decrypted (wrong key or tampered value)',
      );
    }
  }
}
