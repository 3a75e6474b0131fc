export {
  TENANCY_ENTITIES,
  ConsultancyEntity,
  MembershipEntity,
  MembershipStoreEntity,
  StoreEntity,
  UserEntity,
} from './lib/entities';
export {
  StoreRepository,
  storeSortKey,
  type StorePage,
  type StoreVisibility,
} from './lib/repositories/store.repository';
export { MembershipRepository } from './lib/repositories/membership.repository';
export { createConsultancy, createUser } from './lib/provisioning';
