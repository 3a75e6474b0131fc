import { AUDIT_RESOLVERS } from '@candor/audit-feature';
import { CONNECTORS_RESOLVERS } from '@candor/connectors-feature';
import { EVIDENCE_RESOLVERS } from '@candor/evidence-feature';
import { IDENTITY_RESOLVERS } from '@candor/identity-feature';
import { REPORTS_RESOLVERS } from '@candor/reports-feature';
import { POLICY_RESOLVERS } from '@candor/policy-feature';
import { TENANCY_RESOLVERS } from '@candor/tenancy-feature';

/**
 * Every resolver class the API serves, for printing the schema without booting the app. The e2e
 * suite checks the live app's schema against the committed file, so a resolver missing here
 * fails the tests.
 */
export const API_RESOLVERS = [
  ...TENANCY_RESOLVERS,
  ...IDENTITY_RESOLVERS,
  ...AUDIT_RESOLVERS,
  ...EVIDENCE_RESOLVERS,
  ...CONNECTORS_RESOLVERS,
  ...REPORTS_RESOLVERS,
  ...POLICY_RESOLVERS,
];
