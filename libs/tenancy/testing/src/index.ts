export {
  newTenant,
  newMember,
  newSignInMember,
  newPlatformAdmin,
  platformTokenFor,
  addMembership,
  setPassword,
  tokenFor,
  type SignInMember,
  type TestTenant,
} from './lib/tenant-builders';
