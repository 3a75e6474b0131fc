export { IdentityModule, IDENTITY_RESOLVERS } from './lib/identity.module';
