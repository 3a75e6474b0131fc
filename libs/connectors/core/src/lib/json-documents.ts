import type { ParseIssue } from './connector.port';

/** One JSON document of a saved vendor response file, with where it was. */
export interface JsonDocument {
  readonly value: unknown;
  readonly location: string;
}

/**
 * Reads a saved API response file: either one JSON document (`{"calls": […]}`) or JSON Lines,
 * one response page per line (what `pull` archives as `raw`). Bad lines are reported by line
 * number; the good ones are kept.
 */
export function readJsonDocuments(text: string): {
  documents: JsonDocument[];
  rejected: ParseIssue[];
} {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const documents: JsonDocument[] = [];
  const rejected: ParseIssue[] = [];
  try {
    documents.push({ value: JSON.parse(body), location: 'document' });
    return { documents, rejected };
  } catch {
    // Not one document: read it as JSON Lines below.
  }
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    try {
      documents.push({ value: JSON.parse(line), location: `line ${i + 1}` });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      rejected.push({
        location: `line ${i + 1}`,
        field: null,
        reason: `is not valid JSON: ${message}`,
      });
    }
  }
  if (documents.length === 0 && rejected.length === 0) {
    rejected.push({ location: 'document', field: null, reason: 'is empty' });
  }
  return { documents, rejected };
}

/** A plain JSON object, or null. */
export function asObject(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** A field as trimmed text (numbers become text: vendors switch ids between the two), or null. */
export function textField(obj: Record<string, unknown> | null, key: string): string | null {
  const value = obj?.[key];
  if (typeof value === 'string') {
    const t = value.trim();
    return t === '' ? null : t;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}
