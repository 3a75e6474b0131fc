export { basicCredentials, FakeVendorServer, pageOf } from './lib/fake-vendor-server';
export type {
  FakeHandler,
  FakeReply,
  InjectedFailure,
  ReceivedRequest,
} from './lib/fake-vendor-server';
export { FakeTokenIssuer } from './lib/oauth-fake';
export { fakeTwilio } from './lib/fake-twilio';
export type { FakeTwilioOptions } from './lib/fake-twilio';
export {
  ELEAD_ACTIVITY_HISTORY_PATH,
  ELEAD_OPPORTUNITIES_PATH,
  FakeFortellis,
  FORTELLIS_TOKEN_PATH,
} from './lib/fake-fortellis';
export type { FakeFortellisOptions } from './lib/fake-fortellis';
export {
  FakeVinSolutions,
  VIN_API_PREFIX,
  VIN_FEEDS,
  VIN_TOKEN_PATH,
} from './lib/fake-vinsolutions';
export type { FakeVinSolutionsOptions, VinFeed } from './lib/fake-vinsolutions';
