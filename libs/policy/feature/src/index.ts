export { PolicyModule, POLICY_RESOLVERS } from './lib/policy.module';
