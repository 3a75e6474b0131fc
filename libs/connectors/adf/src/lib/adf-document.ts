import { SaxesParser } from 'saxes';
import type { ParseIssue } from '@candor/connectors-core';
import type { XmlNode } from './xml-node';

export const ADF_MAX_BYTES = 1024 * 1024;
/** ADF nests five levels deep; far deeper is an attack or not ADF. */
const MAX_DEPTH = 32;
const MAX_ELEMENTS = 20_000;
/** Lead comments are the longest real text; the bundle caps long text at 100k characters. */
const MAX_TEXT = 100_000;

class Rejection extends Error {}

/**
 * Decodes the payload: UTF-8 (BOM skipped); bytes that are not UTF-8 are read as Windows-1252,
 * which is what sloppy lead feeds that forget to declare their encoding send.
 */
export function decodeXml(payload: Buffer | string): string {
  if (typeof payload === 'string')
    return payload.charCodeAt(0) === 0xfeff ? payload.slice(1) : payload;
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

/** Saxes decides encodings from the declaration; the text is already decoded, so drop it. */
function withoutEncodingDeclaration(xml: string): string {
  return xml.replace(/^(\s*<\?xml[^?]*?)\s+encoding\s*=\s*("[^"]*"|'[^']*')/, '$1');
}

export interface AdfDocument {
  /** Each `<prospect>` completed before any fatal problem, with its 1-based position. */
  prospects: { node: XmlNode; index: number; line: number }[];
  rejected: ParseIssue[];
}

/**
 * Streams the XML with saxes into one small tree per `<prospect>`. Safety is strict: a DOCTYPE
 * (the door to XXE and billion-laughs entity expansion) rejects the document before anything
 * is read from it; saxes expands no entity but the five predefined ones, so any other entity
 * reference is an error too. Size, depth, element count and text length are capped. Prospects
 * completed before a fatal error (truncated upload) are kept.
 */
export function readAdfDocument(payload: Buffer | string, maxBytes = ADF_MAX_BYTES): AdfDocument {
  const size = typeof payload === 'string' ? Buffer.byteLength(payload, 'utf8') : payload.length;
  const rejected: ParseIssue[] = [];
  const prospects: AdfDocument['prospects'] = [];
  if (size > maxBytes) {
    rejected.push({
      location: 'document',
      field: null,
      reason: `is ${size} bytes; the limit is ${maxBytes} bytes`,
    });
    return { prospects, rejected };
  }
  const xml = withoutEncodingDeclaration(decodeXml(payload));
  if (xml.trim() === '') {
    rejected.push({ location: 'document', field: null, reason: 'is empty' });
    return { prospects, rejected };
  }
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: XmlNode[] = [];
  let root: string | null = null;
  let elements = 0;
  let prospectCount = 0;
  const fail = (reason: string): never => {
    throw new Rejection(`line ${parser.line}, column ${parser.column}: ${reason}`);
  };
  parser.on('doctype', () =>
    fail(
      'DOCTYPE declarations are not accepted (no DTDs or entities: XXE and entity expansion are refused)',
    ),
  );
  parser.on('error', (error) =>
    fail(`not well-formed XML: ${error.message.replace(/^[^:]*:\d+:\d+: /, '')}`),
  );
  parser.on('opentag', (tag) => {
    const name = tag.name.toLowerCase();
    if (root === null) {
      root = name;
      if (name !== 'adf') fail(`the root element is <${tag.name}>, not <adf>`);
    }
    if (++elements > MAX_ELEMENTS) fail(`more than ${MAX_ELEMENTS} elements`);
    if (stack.length >= MAX_DEPTH) fail(`elements nested more than ${MAX_DEPTH} deep`);
    const attributes: Record<string, string> = {};
    for (const [key, value] of Object.entries(tag.attributes))
      attributes[key.toLowerCase()] = String(value);
    const node: XmlNode = { name, attributes, children: [], text: '' };
    if (name === 'prospect' && stack.length === 1) prospectCount++;
    if (stack.length > 0) stack[stack.length - 1]!.children.push(node);
    stack.push(node);
  });
  const addText = (text: string) => {
    const top = stack[stack.length - 1];
    if (!top) return;
    if (top.text.length + text.length > MAX_TEXT)
      fail(`<${top.name}> holds more than ${MAX_TEXT} characters of text`);
    top.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    const node = stack.pop();
    if (node?.name === 'prospect' && stack.length === 1) {
      prospects.push({ node, index: prospectCount, line: parser.line });
      // The document keeps only what it still needs: a finished prospect is handed over.
      stack[0]!.children.pop();
    }
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    if (!(error instanceof Rejection)) throw error;
    const kept =
      prospects.length > 0 ? `; the ${prospects.length} prospect(s) before it are kept` : '';
    rejected.push({ location: 'document', field: null, reason: `${error.message}${kept}` });
    return { prospects, rejected };
  }
  if (root === null)
    rejected.push({ location: 'document', field: null, reason: 'has no root element' });
  else if (prospects.length === 0)
    rejected.push({
      location: 'document',
      field: 'prospect',
      reason: 'the <adf> document holds no <prospect>',
    });
  return { prospects, rejected };
}
