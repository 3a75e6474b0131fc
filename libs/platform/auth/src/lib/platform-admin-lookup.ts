/**
 * Whether a person is platform staff right now. Implemented by the identity feature; declared
 * here so the guard depends on no domain. The access token only marks a platform admin; the
 * guard asks this on every request so `candor admin revoke` takes effect at once.
 */
export abstract class PlatformAdminLookup {
  abstract isPlatformAdmin(userId: string): Promise<boolean>;
}
