export { TenancyModule, TENANCY_RESOLVERS } from './lib/tenancy.module';
export { TenancyException } from './lib/tenancy.exception';
export { Role } from './lib/models/viewer.model';
export { Store } from './lib/models/store.model';
export { toStoreModel } from './lib/store.mapper';
