export { TenancyModule, TENANCY_RESOLVERS } from './lib/tenancy.module';
export { TenancyException } from './lib/tenancy.exception';
