import { decodeKeyId, encodeKeyId } from '@candor/platform-graphql';
import { CandorException, ErrorCode } from '@candor/shared-errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A lead's public id: its store (Candor's id) and the id its evidence gave it. */
export function encodeLeadId(storeId: string, leadExternalId: string): string {
  return encodeKeyId('Lead', [storeId, leadExternalId]);
}

/** An agent's public id: the store and the CRM user id the evidence names them by. */
export function encodeAgentId(storeId: string, crmUserId: string): string {
  return encodeKeyId('Agent', [storeId, crmUserId]);
}

/** The store and evidence id behind a lead id; anything else is bad input naming `field`. */
export function decodeLeadId(
  globalId: string,
  field = 'id',
): { storeId: string; externalId: string } {
  const [storeId, externalId] = decodeKeyId('Lead', globalId, 2, field) as [string, string];
  if (!UUID.test(storeId)) {
    throw new CandorException(ErrorCode.BadUserInput, `${field}: not a valid Lead id`, [
      { field, message: 'not a valid Lead id' },
    ]);
  }
  return { storeId: storeId.toLowerCase(), externalId };
}
