export { TenancyModule, TENANCY_RESOLVERS } from './lib/tenancy.module';
export { TenancyException } from './lib/tenancy.exception';
export { Role } from './lib/models/viewer.model';
