import { AppRole1763900000000 } from './1763900000000-app-role';
import { Tenancy1763900000100 } from './1763900000100-tenancy';

/** Every migration, oldest first. A new migration is appended here after review. */
export const MIGRATIONS = [AppRole1763900000000, Tenancy1763900000100];
