import type { ConnectorContext, ParseResult, PushConnector } from '@candor/connectors-core';
import { RecordCollector } from '@candor/connectors-core';
import { ADF_MAX_BYTES, readAdfDocument } from './adf-document';
import { readProspect } from './adf-prospect';

export interface AdfParseOptions {
  /** When the store received the document (epoch ms): the POST or the mail. Default: requestdate. */
  receivedAt?: number;
  maxBytes?: number;
}

/**
 * Parses an ADF 1.0 document into leads, one per `<prospect>`, deduplicated on `id@source`.
 * Never throws: problems come back in `rejected` with the prospect or document position.
 */
export function parseAdf(
  payload: Buffer | string,
  ctx: ConnectorContext,
  options: AdfParseOptions = {},
): ParseResult {
  const document = readAdfDocument(payload, options.maxBytes ?? ADF_MAX_BYTES);
  const out = new RecordCollector();
  for (const { node, index } of document.prospects) {
    try {
      readProspect(node, index, ctx, options, out);
    } catch (error) {
      // Only a bug can land here; it must not cost the other prospects.
      out.reject(
        `prospect ${index}`,
        null,
        `could not be read: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  const result = out.result();
  return { records: result.records, rejected: [...document.rejected, ...result.rejected] };
}

/** The ADF connector behind the push port (HTTP POST endpoint, files). */
export class AdfConnector implements PushConnector {
  readonly kind = 'adf';

  constructor(private readonly options: AdfParseOptions = {}) {}

  parse(payload: Buffer | string, ctx: ConnectorContext): Promise<ParseResult> {
    return Promise.resolve(parseAdf(payload, ctx, this.options));
  }
}
