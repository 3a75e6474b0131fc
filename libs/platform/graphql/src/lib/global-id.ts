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
