import {
  asObject,
  type ConnectorContext,
  type ParseResult,
  readJsonDocuments,
  RecordCollector,
} from '@candor/connectors-core';
import { feedOf, mapVinItem } from './vin-feed.mapper';

/**
 * Reads saved VinSolutions feed responses offline: one response (`{"Items": […], "TotalCount":
 * …}`), or JSON Lines of them as `VinSolutionsConnector` archives them, feeds mixed in any
 * order. Each item's feed is known by its id field (LeadId, TaskId, AppointmentId, VisitId).
 */
export function parseVinSolutionsFeeds(text: string, ctx: ConnectorContext): ParseResult {
  const { documents, rejected } = readJsonDocuments(text);
  const out = new RecordCollector();
  for (const issue of rejected) out.reject(issue.location, issue.field, issue.reason);
  const pending: { feed: ReturnType<typeof feedOf>; item: Record<string, unknown> }[] = [];
  for (const doc of documents) {
    const items = asObject(doc.value)?.['Items'] ?? (Array.isArray(doc.value) ? doc.value : null);
    if (!Array.isArray(items)) {
      out.reject(doc.location, 'Items', 'is not a VinSolutions feed response (no Items list)');
      continue;
    }
    items.forEach((raw, i) => {
      const item = asObject(raw);
      const feed = item && feedOf(item);
      if (!item || !feed)
        out.reject(
          `${doc.location}, item ${i + 1}`,
          null,
          'is not a lead, task, appointment or showroom visit',
        );
      else pending.push({ feed, item });
    });
  }
  // Leads first, so each lead precedes what refers to it.
  for (const { feed, item } of pending) if (feed === 'leads') mapVinItem(feed, item, ctx, out);
  for (const { feed, item } of pending)
    if (feed !== 'leads' && feed !== null) mapVinItem(feed, item, ctx, out);
  return out.result();
}
