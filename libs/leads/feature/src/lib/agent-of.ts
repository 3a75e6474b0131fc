import type { StoreContext } from '@candor/scoring';
import { encodeAgentId } from './lead-ids';
import type { LeadAgent } from './models/lead-agent.model';

/** Names agents the way every Candor view does: the store's CRM user id and its user record. */
export function agentOf(
  ctx: StoreContext,
  storeId: string,
  crmUserId: string | null,
): LeadAgent | null {
  if (crmUserId === null) return null;
  const agent: LeadAgent = {
    id: encodeAgentId(storeId, crmUserId),
    crmUserId,
    name: ctx.users.get(crmUserId)?.name ?? null,
  };
  return agent;
}
