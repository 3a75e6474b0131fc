import type { ConnectorContext, ParseResult } from '@candor/connectors-core';
import { parseAdf } from '@candor/connectors-adf';
import { checkMapping, CSV_PRESETS, type CsvMapping, parseCsv } from '@candor/connectors-csv';
import { parseEleadResponses } from '@candor/connectors-elead';
import { parseEmail } from '@candor/connectors-email';
import { parseTwilioCalls } from '@candor/connectors-twilio';
import { parseVinSolutionsFeeds } from '@candor/connectors-vinsolutions';
import { UsageError } from './cli-error';

export const CONVERT_SOURCES = [
  'adf',
  'email',
  'twilio',
  'elead',
  'vinsolutions',
  ...Object.keys(CSV_PRESETS).map((p) => `csv:${p}`),
  'csv',
];

export interface ConvertInput {
  from: string;
  payload: Buffer;
  ctx: ConnectorContext;
  /** Parsed `--mapping` JSON, when given. */
  mapping: unknown;
  receivedAt: number | undefined;
}

function csvMapping(
  from: string,
  mappingJson: unknown,
  mappingPath: string | undefined,
): CsvMapping {
  const preset = from.startsWith('csv:') ? CSV_PRESETS[from.slice(4)] : undefined;
  if (from.startsWith('csv:') && !preset) {
    throw new UsageError(
      `--from ${from}: no such CSV preset (presets: ${Object.keys(CSV_PRESETS).join(', ')})`,
    );
  }
  if (mappingJson === undefined) {
    if (!preset)
      throw new UsageError(
        '--from csv needs --mapping FILE (or use a preset: --from csv:calls, …)',
      );
    return preset;
  }
  const obj = mappingJson as Partial<CsvMapping>;
  // A mapping file refines a preset: its keys replace the preset's, its columns are added.
  const merged = preset
    ? {
        ...preset,
        ...obj,
        columns: { ...preset.columns, ...obj.columns },
        values: { ...preset.values, ...obj.values },
      }
    : mappingJson;
  const problems = checkMapping(merged);
  if (problems.length > 0) throw new UsageError(`--mapping ${mappingPath}: ${problems.join('; ')}`);
  return merged as CsvMapping;
}

/** Runs the offline form of the connector `--from` names. */
export async function convertPayload(
  input: ConvertInput,
  mappingPath: string | undefined,
): Promise<ParseResult> {
  const { from, payload, ctx } = input;
  const opts = input.receivedAt === undefined ? {} : { receivedAt: input.receivedAt };
  switch (from) {
    case 'adf':
      return parseAdf(payload, ctx, opts);
    case 'email':
      return parseEmail(payload, ctx, opts);
    case 'twilio':
      return parseTwilioCalls(payload.toString('utf8'), ctx);
    case 'elead':
      return parseEleadResponses(payload.toString('utf8'), ctx);
    case 'vinsolutions':
      return parseVinSolutionsFeeds(payload.toString('utf8'), ctx);
    default:
      if (from === 'csv' || from.startsWith('csv:'))
        return parseCsv(payload, ctx, csvMapping(from, input.mapping, mappingPath));
      throw new UsageError(`--from must be one of ${CONVERT_SOURCES.join(', ')} (got "${from}")`);
  }
}
