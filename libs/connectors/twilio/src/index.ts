export { TwilioCallsConnector } from './lib/twilio-calls.connector';
export type { TwilioConfig } from './lib/twilio-calls.connector';
export { parseTwilioCalls } from './lib/twilio-offline';
export {
  parseStatusCallback,
  signTwilioRequest,
  verifyTwilioSignature,
} from './lib/twilio-signature';
export { answeredBy } from './lib/twilio-call.mapper';
