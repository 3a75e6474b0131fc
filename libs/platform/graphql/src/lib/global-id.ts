import { CandorException, ErrorCode } from '@candor/shared-errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Public ids are opaque and typed: base64url of `Type:uuid` (the Relay convention). A client
 * cannot pass a Store id where a User id is expected, and internal keys are not part of the API.
 */
export function encodeId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

/** The internal uuid behind a public id of `type`; a malformed or mistyped id is bad input. */
export function decodeId(type: string, globalId: string, field = 'id'): string {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const [prefix, id, ...rest] = decoded.split(':');
  if (prefix !== type || !id || rest.length > 0 || !UUID.test(id)) {
    throw new CandorException(ErrorCode.BadUserInput, `${field}: not a valid ${type} id`, [
      { field, message: `not a valid ${type} id` },
    ]);
  }
  return id.toLowerCase();
}

/**
 * Opaque typed ids for things keyed by more than one value, such as a lead (its store and the
 * id the evidence gave it) or an agent (store and CRM user id): base64url of the JSON
 * `[Type, ...parts]`, so any string may appear in a part.
 */
export function encodeKeyId(type: string, parts: readonly string[]): string {
  return Buffer.from(JSON.stringify([type, ...parts]), 'utf8').toString('base64url');
}

/** The parts behind a key id of `type` with `arity` parts; anything else is bad input. */
export function decodeKeyId(type: string, globalId: string, arity: number, field = 'id'): string[] {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(globalId, 'base64url').toString('utf8'));
  } catch {
    decoded = null;
  }
  if (
    !Array.isArray(decoded) ||
    decoded.length !== arity + 1 ||
    decoded[0] !== type ||
    !decoded.every((p) => typeof p === 'string' && p.length > 0)
  ) {
    throw new CandorException(ErrorCode.BadUserInput, `${field}: not a valid ${type} id`, [
      { field, message: `not a valid ${type} id` },
    ]);
  }
  return (decoded as string[]).slice(1);
}
