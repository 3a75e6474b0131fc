export { EmailConnector, EMAIL_MAX_BYTES, parseEmail } from './lib/email.parser';
export type { EmailParseOptions } from './lib/email.parser';
