export {
  DEFAULT_NORMALIZERS,
  indexIdentities,
  type ContactNormalizers,
  type IdentityConflict,
  type IdentityIndex,
  type IdentityKind,
  type PersonIdentity,
} from './lib/identity-directory';
export {
  extensionOf,
  resolveActivityUser,
  resolveUserAlias,
  type UserMatch,
} from './lib/user-resolution';
export {
  DEFAULT_LINK_RULE,
  customerContact,
  indexLeadsByContact,
  linkActivityToLead,
  type ContactIndex,
  type LeadMatch,
  type LinkRule,
} from './lib/lead-linking';
export {
  resolveActivities,
  type AmbiguousLead,
  type AmbiguousUser,
  type ResolutionCounts,
  type ResolutionOptions,
  type ResolutionReport,
  type ResolvedActivities,
} from './lib/evidence-resolution';
