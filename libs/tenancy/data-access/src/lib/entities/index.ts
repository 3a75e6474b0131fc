import { ConsultancyEntity } from './consultancy.entity';
import { MembershipEntity, MembershipStoreEntity } from './membership.entity';
import { StoreEntity } from './store.entity';
import { UserEntity } from './user.entity';

export { ConsultancyEntity, MembershipEntity, MembershipStoreEntity, StoreEntity, UserEntity };

/** Entities the application's data source must register for the tenancy domain. */
export const TENANCY_ENTITIES = [
  ConsultancyEntity,
  MembershipEntity,
  MembershipStoreEntity,
  StoreEntity,
  UserEntity,
];
