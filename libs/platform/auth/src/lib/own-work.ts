import type { TenantContext } from './tenant-context';

/**
 * Which evidence user ids (CRM user ids of the bundle) a caller's view of `storeId` is limited
 * to: null means no restriction (every role but dealer_agent), an array means only work done by
 * those ids. An agent with nothing linked at the store gets an empty array and so sees nothing.
 * Store visibility is checked separately (TenantContext.stores); this narrows within a store.
 */
export function ownWorkFilter(
  ctx: Pick<TenantContext, 'role' | 'agent'>,
  storeId: string,
): readonly string[] | null {
  if (ctx.role !== 'dealer_agent') return null;
  const linked = ctx.agent?.evidenceUserIds;
  return linked && Object.hasOwn(linked, storeId) ? (linked[storeId] ?? []) : [];
}
