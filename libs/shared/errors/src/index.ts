export { ErrorCode } from './lib/error-code';
export { CandorException, type FieldError } from './lib/candor.exception';
