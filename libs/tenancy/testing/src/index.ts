export { newTenant, newMember, tokenFor, type TestTenant } from './lib/tenant-builders';
