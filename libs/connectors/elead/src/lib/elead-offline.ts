import {
  asObject,
  type ConnectorContext,
  type ParseResult,
  readJsonDocuments,
  RecordCollector,
  textField,
} from '@candor/connectors-core';
import { mapEleadActivity } from './elead-activity.mapper';
import { mapOpportunity } from './elead-opportunity.mapper';

function isActivity(item: unknown): boolean {
  const o = asObject(item);
  return o !== null && ('activityId' in o || 'activityType' in o || 'activityName' in o);
}

/**
 * Reads saved Fortellis responses offline: JSON Lines (or one JSON array) of opportunities
 * search pages (`{"items": [opportunity…], "totalItems": …}`) and activity histories
 * (`{"opportunityId": "…", "items": [activity…]}`, as `EleadConnector` archives them), or one
 * document `{"opportunities": {…page…}, "activities": {"<opportunityId>": {"items": […]}}}`.
 */
export function parseEleadResponses(text: string, ctx: ConnectorContext): ParseResult {
  const { documents, rejected } = readJsonDocuments(text);
  const out = new RecordCollector();
  for (const issue of rejected) out.reject(issue.location, issue.field, issue.reason);
  const expanded: { value: unknown; location: string }[] = [];
  for (const doc of documents) {
    const obj = asObject(doc.value);
    if (Array.isArray(doc.value)) {
      doc.value.forEach((v, i) =>
        expanded.push({ value: v, location: `${doc.location}, item ${i + 1}` }),
      );
    } else if (obj && ('opportunities' in obj || 'activities' in obj)) {
      if (obj['opportunities'] !== undefined)
        expanded.push({ value: obj['opportunities'], location: `${doc.location}, opportunities` });
      for (const [id, history] of Object.entries(asObject(obj['activities']) ?? {})) {
        expanded.push({
          value: { opportunityId: id, ...asObject(history) },
          location: `${doc.location}, activities ${id}`,
        });
      }
    } else {
      expanded.push(doc);
    }
  }
  // Opportunities first, so the leads come before the activities that refer to them.
  const histories: { items: unknown[]; leadId: string | null }[] = [];
  for (const { value, location } of expanded) {
    const obj = asObject(value);
    const items = Array.isArray(obj?.['items']) ? (obj['items'] as unknown[]) : null;
    if (items === null) {
      out.reject(
        location,
        'items',
        'is not an Elead opportunities page or activity history (no items list)',
      );
      continue;
    }
    if (items.length > 0 && items.every(isActivity)) {
      histories.push({ items, leadId: textField(obj, 'opportunityId') });
      continue;
    }
    for (const item of items) {
      const opp = asObject(item);
      if (opp) mapOpportunity(opp, ctx, out);
      else out.reject(location, 'items', 'holds an item that is not an object');
    }
  }
  for (const { items, leadId } of histories) {
    for (const item of items) mapEleadActivity(asObject(item)!, leadId, ctx, out);
  }
  return out.result();
}
