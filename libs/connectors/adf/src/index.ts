export { AdfConnector, parseAdf } from './lib/adf.parser';
export type { AdfParseOptions } from './lib/adf.parser';
export { ADF_MAX_BYTES } from './lib/adf-document';
