import { describe, expect, it } from 'vitest';
import { MEMBERSHIP_ROLES } from './tenant-context';
import { callerAllows, PERMISSIONS, PLATFORM_ACTIONS, roleAllows } from './permissions';

describe('the permission table', () => {
  it('gives platform actions to platform admins only', () => {
    for (const action of PLATFORM_ACTIONS) {
      expect(roleAllows('platform_admin', action)).toBe(true);
      for (const role of MEMBERSHIP_ROLES) {
        expect(roleAllows(role, action)).toBe(false);
        expect(callerAllows({ role }, action)).toBe(false);
      }
    }
  });

  it('gives platform admins no tenant action (their tenant access comes from memberships)', () => {
    expect(PERMISSIONS.platform_admin).toEqual([...PLATFORM_ACTIONS]);
    expect(roleAllows('platform_admin', 'stores:read')).toBe(false);
    expect(roleAllows('platform_admin', 'evidence:read')).toBe(false);
  });

  it('lets owners and managers link agent identities, nobody else', () => {
    const linking = MEMBERSHIP_ROLES.filter((r) => roleAllows(r, 'agents:link'));
    expect(linking).toEqual(['consultancy_owner', 'dealer_manager']);
  });

  it('never lets an API key do a platform action, whatever its scopes say', () => {
    const key = { role: 'consultancy_owner' as const, apiKey: { scopes: ['platform:tenants'] } };
    expect(callerAllows(key, 'platform:tenants')).toBe(false);
  });
});
