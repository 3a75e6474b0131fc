/** One CSV row with the 1-based line it starts on (quoted fields may span lines). */
export interface CsvRow {
  line: number;
  cells: string[];
}

export interface CsvRowsResult {
  rows: CsvRow[];
  /** A structural problem that stopped reading (an unclosed quote), with its line. */
  problem: { line: number; reason: string } | null;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/** The delimiter the header line uses: comma unless it has none and has tabs or semicolons. */
export function detectDelimiter(text: string): string {
  const end = text.search(/\r|\n/);
  const header = end < 0 ? text : text.slice(0, end);
  if (header.includes(',')) return ',';
  if (header.includes('\t')) return '\t';
  if (header.includes(';')) return ';';
  return ',';
}

/**
 * Splits CSV text into rows (RFC 4180: quoted fields with doubled quotes and line breaks; CRLF,
 * LF or CR line ends), remembering where each row starts so errors can name the line a person
 * sees in a spreadsheet. Lenient like spreadsheet software: a stray quote inside an unquoted
 * field is kept as text. Blank lines are skipped. An unclosed quote ends reading there and is
 * reported; the rows before it are kept. Runs in linear time.
 */
export function splitCsvRows(text: string, delimiter: string): CsvRowsResult {
  const rows: CsvRow[] = [];
  const delim = delimiter.charCodeAt(0);
  const n = text.length;
  let line = 1;
  let i = 0;
  while (i < n) {
    const rowLine = line;
    const cells: string[] = [];
    let cell = '';
    let rowDone = false;
    while (!rowDone) {
      // One cell.
      if (i < n && text.charCodeAt(i) === QUOTE) {
        const openLine = line;
        i++;
        let closed = false;
        let start = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === QUOTE) {
            if (text.charCodeAt(i + 1) === QUOTE) {
              cell += text.slice(start, i + 1);
              i += 2;
              start = i;
              continue;
            }
            cell += text.slice(start, i);
            i++;
            closed = true;
            break;
          }
          if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) line++;
          i++;
        }
        if (!closed) {
          return {
            rows,
            problem: {
              line: openLine,
              reason:
                'a quoted field opened on this line is never closed; nothing after it could be read',
            },
          };
        }
        // Text after the closing quote up to the delimiter is kept (`"a"b` → `ab`), as Excel does.
        start = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === delim || c === LF || c === CR) break;
          i++;
        }
        cell += text.slice(start, i);
      } else {
        const start = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === delim || c === LF || c === CR) break;
          i++;
        }
        cell = text.slice(start, i);
      }
      cells.push(cell);
      cell = '';
      if (i >= n) {
        rowDone = true;
      } else {
        const c = text.charCodeAt(i);
        if (c === delim) {
          i++;
        } else {
          i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
          line++;
          rowDone = true;
        }
      }
    }
    if (!(cells.length === 1 && cells[0]!.trim() === '')) rows.push({ line: rowLine, cells });
  }
  return { rows, problem: null };
}
