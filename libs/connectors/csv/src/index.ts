export { CsvConnector, decodeCsv, parseCsv, CSV_MAX_BYTES } from './lib/csv.parser';
export { checkMapping } from './lib/csv-mapping';
export type { ColumnSource, CsvMapping } from './lib/csv-mapping';
export { CSV_PRESETS } from './lib/csv-presets';
export { splitCsvRows } from './lib/csv-rows';
