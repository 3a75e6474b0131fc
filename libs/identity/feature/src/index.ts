export { IdentityModule, IDENTITY_RESOLVERS } from './lib/identity.module';
export { type IdentitySettings, REFRESH_COOKIE } from './lib/identity.settings';
export { hashPassword } from './lib/password.hasher';
