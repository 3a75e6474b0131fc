import {
  type ConnectorContext,
  type ParseResult,
  type PushConnector,
  RecordCollector,
  stableId,
} from '@candor/connectors-core';
import type { ColumnSource, CsvMapping } from './csv-mapping';
import { detectDelimiter, splitCsvRows } from './csv-rows';
import { convertCell, isListField, type ValueContext } from './csv-values';

export const CSV_MAX_BYTES = 256 * 1024 * 1024;

/**
 * Decodes an export: UTF-8 with or without BOM, UTF-16 with BOM (Excel "Unicode text"); bytes
 * that are not UTF-8 are read as Windows-1252 (Excel's "CSV" on Windows), so accented names
 * survive instead of failing the file.
 */
export function decodeCsv(payload: Buffer | string): string {
  if (typeof payload === 'string')
    return payload.charCodeAt(0) === 0xfeff ? payload.slice(1) : payload;
  if (payload[0] === 0xff && payload[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(payload.subarray(2));
  if (payload[0] === 0xfe && payload[1] === 0xff)
    return new TextDecoder('utf-16be').decode(payload.subarray(2));
  const bytes =
    payload[0] === 0xef && payload[1] === 0xbb && payload[2] === 0xbf
      ? payload.subarray(3)
      : payload;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

interface Binding {
  field: string;
  headers: string[];
  indexes: number[];
  format: string | undefined;
}

function sourceHeaders(source: ColumnSource): { headers: string[]; format: string | undefined } {
  if (typeof source === 'string') return { headers: [source], format: undefined };
  return {
    headers: source.columns ?? (source.column ? [source.column] : []),
    format: source.format,
  };
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const dot = path.indexOf('.');
  if (dot < 0) {
    target[path] = value;
    return;
  }
  const head = path.slice(0, dot);
  const inner = (target[head] ??= {}) as Record<string, unknown>;
  inner[path.slice(dot + 1)] = value;
}

/**
 * Converts a CSV export with a column mapping. Each row becomes one record or, when something
 * in it is wrong, issues saying `line N`, the column and the reason; the other rows are kept.
 */
export function parseCsv(
  payload: Buffer | string,
  ctx: ConnectorContext,
  mapping: CsvMapping,
): ParseResult {
  const out = new RecordCollector();
  const size = typeof payload === 'string' ? payload.length : payload.length;
  if (size > CSV_MAX_BYTES) {
    out.reject('file', null, `is ${size} bytes; the limit is ${CSV_MAX_BYTES} bytes`);
    return out.result();
  }
  const text = decodeCsv(payload);
  const { rows, problem } = splitCsvRows(text, mapping.delimiter ?? detectDelimiter(text));
  const header = rows.shift();
  if (!header) {
    out.reject('file', null, 'is empty: there is no header line');
    return out.result();
  }
  const headerIndex = new Map<string, number>();
  header.cells.forEach((h, i) => {
    const key = h.trim().toLowerCase();
    if (!headerIndex.has(key)) headerIndex.set(key, i);
  });
  const bindings: Binding[] = [];
  const fieldNames: Record<string, string> = {};
  for (const [field, source] of Object.entries(mapping.columns)) {
    const { headers, format } = sourceHeaders(source);
    const indexes = headers.map((h) => headerIndex.get(h.trim().toLowerCase()) ?? -1);
    if (field === 'id' || indexes.some((i) => i >= 0)) {
      bindings.push({ field, headers, indexes, format });
      fieldNames[field] = headers.join(' + ');
    }
  }
  for (const required of requiredColumns(mapping)) {
    if (
      !bindings.some((b) => b.field === required && b.indexes.some((i) => i >= 0)) &&
      mapping.constants?.[required] === undefined
    ) {
      const wanted = mapping.columns[required];
      const name = wanted ? sourceHeaders(wanted).headers.join('" or "') : required;
      out.reject(
        `line ${header.line}`,
        name,
        `the header has no column "${name}" for ${required}, which every ${mapping.recordType} needs (columns: ${header.cells.slice(0, 20).join(', ')})`,
      );
      return out.result();
    }
  }
  const vc: ValueContext = {
    zone: mapping.timeZone ?? ctx.timeZone,
    dateFormats: mapping.dateFormats ?? [],
    phoneCountry: mapping.phoneCountry ?? 'US',
  };
  for (const row of rows) readRow(row.line, row.cells, bindings, mapping, ctx, vc, fieldNames, out);
  if (problem) out.reject(`line ${problem.line}`, null, problem.reason);
  return out.result();
}

function requiredColumns(mapping: CsvMapping): string[] {
  switch (mapping.recordType) {
    case 'lead':
      return ['receivedAt'];
    case 'task':
      return ['leadId', 'dueAt'];
    case 'activity':
      return ['at'];
    case 'note':
      return ['leadId', 'at', 'text'];
    case 'appointment':
      return ['leadId', 'setAt', 'startsAt'];
    case 'status':
      return ['leadId', 'at', 'status'];
    case 'sale':
      return ['leadId', 'soldAt'];
  }
}

function readRow(
  lineNo: number,
  cells: string[],
  bindings: Binding[],
  mapping: CsvMapping,
  ctx: ConnectorContext,
  vc: ValueContext,
  fieldNames: Record<string, string>,
  out: RecordCollector,
): void {
  const location = `line ${lineNo}`;
  const line: Record<string, unknown> = { type: mapping.recordType, storeId: ctx.storeId };
  if (mapping.recordType === 'lead') line['customer'] = {};
  let failed = false;
  let customerPhone: string | null = null;
  let storePhone: string | null = null;
  for (const b of bindings) {
    const texts: string[] = [];
    for (const i of b.indexes) {
      const t = i >= 0 ? (cells[i] ?? '').trim() : '';
      if (t !== '') texts.push(t);
    }
    if (texts.length === 0) continue;
    if (isListField(b.field)) {
      const values: unknown[] = [];
      for (const t of texts) {
        for (const part of t.split(/[;,]\s*/)) {
          if (part.trim() === '') continue;
          const c = convertCell(b.field, part.trim(), b.format, vc);
          if (c.ok) values.push(c.value);
          else
            out.reject(location, b.headers.join(' + '), `${c.reason}; the row is kept without it`);
        }
      }
      setPath(line, b.field, values);
      continue;
    }
    // Several columns for one text field are joined (First Name + Last Name).
    const text = texts.join(' ');
    const map = mapping.values?.[b.field];
    let value: unknown;
    if (map) {
      const key = text.toLowerCase();
      if (Object.prototype.hasOwnProperty.call(map, key)) value = map[key];
      else if (Object.prototype.hasOwnProperty.call(map, '*')) value = map['*'];
      else {
        out.reject(
          location,
          b.headers.join(' + '),
          `${JSON.stringify(text.slice(0, 60))} is not one of ${Object.keys(map).join(', ')}`,
        );
        failed = true;
        continue;
      }
      if (value === null) continue;
    } else {
      const c = convertCell(b.field, text, b.format, vc);
      if (!c.ok) {
        out.reject(location, b.headers.join(' + '), c.reason);
        failed = true;
        continue;
      }
      value = c.value;
    }
    if (b.field === 'customerPhone') customerPhone = String(value);
    else if (b.field === 'storePhone') storePhone = String(value);
    else setPath(line, b.field, value);
  }
  for (const [field, value] of Object.entries(mapping.constants ?? {})) {
    if (line[field] === undefined) setPath(line, field, value);
  }
  if (customerPhone !== null || storePhone !== null) {
    const inbound = line['direction'] === 'inbound';
    line['from'] = (inbound ? customerPhone : storePhone) ?? undefined;
    line['to'] = (inbound ? storePhone : customerPhone) ?? undefined;
  }
  if (failed) return;
  if (line['id'] === undefined)
    line['id'] = stableId(`csv-${mapping.recordType}`, ctx.storeId, ...cells);
  out.add(line, location, fieldNames);
}

/** The CSV connector behind the push port, for one mapping. */
export class CsvConnector implements PushConnector {
  readonly kind = 'csv';

  constructor(private readonly mapping: CsvMapping) {}

  parse(payload: Buffer | string, ctx: ConnectorContext): Promise<ParseResult> {
    return Promise.resolve(parseCsv(payload, ctx, this.mapping));
  }
}
