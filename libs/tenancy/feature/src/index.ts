export { TenancyModule, TENANCY_RESOLVERS } from './lib/tenancy.module';
export { TenancyException } from './lib/tenancy.exception';
export { Role } from './lib/models/viewer.model';
export { Store, StoreConnection } from './lib/models/store.model';
export { toStoreModel, STORE_ID_TYPE } from './lib/store.mapper';
