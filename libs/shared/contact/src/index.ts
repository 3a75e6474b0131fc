export { normalizePhone, lastDigits } from './lib/phone';
export { normalizeEmail, normalizeDomain, emailDomain } from './lib/email';
