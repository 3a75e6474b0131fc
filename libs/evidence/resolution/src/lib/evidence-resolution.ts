import type { ActivityRecord, StoreEvidence } from '@candor/evidence-domain';
import {
  type ContactNormalizers,
  DEFAULT_NORMALIZERS,
  type IdentityConflict,
  type IdentityKind,
  indexIdentities,
  type PersonIdentity,
} from './identity-directory';
import {
  DEFAULT_LINK_RULE,
  indexLeadsByContact,
  linkActivityToLead,
  type LinkRule,
} from './lead-linking';
import { resolveActivityUser } from './user-resolution';

export interface ResolutionOptions {
  rule?: LinkRule;
  normalize?: ContactNormalizers;
  /** The source (connector kind) an activity came from, to read its CRM user id; null: any. */
  sourceOf?: (activity: ActivityRecord) => string | null;
}

/** An activity whose user could not be told apart between several people. */
export interface AmbiguousUser {
  activityId: string;
  by: IdentityKind;
  value: string;
  candidates: string[];
}

/** An activity that could belong to several leads. */
export interface AmbiguousLead {
  activityId: string;
  contact: string;
  candidates: string[];
  reason: 'different_customers' | 'within_grace';
}

export interface ResolutionCounts {
  activities: number;
  usersResolved: number;
  usersAlreadyKnown: number;
  usersAmbiguous: number;
  usersUnmatched: number;
  leadsLinked: number;
  leadsAlreadySet: number;
  leadsAmbiguous: number;
  leadsUnmatched: number;
}

export interface ResolutionReport {
  identityConflicts: IdentityConflict[];
  ambiguousUsers: AmbiguousUser[];
  ambiguousLeads: AmbiguousLead[];
  counts: ResolutionCounts;
}

export interface ResolvedActivities {
  /** Same order as the input; a changed activity is a new object, the input is never modified. */
  activities: ActivityRecord[];
  report: ResolutionReport;
}

/** Field by field (not a spread): this runs once per activity of a store-year. */
function withIds(a: ActivityRecord, userId: string | null, leadId: string | null): ActivityRecord {
  return {
    type: a.type,
    id: a.id,
    line: a.line,
    raw: a.raw,
    storeId: a.storeId,
    leadId,
    channel: a.channel,
    direction: a.direction,
    evidence: a.evidence,
    at: a.at,
    userId,
    from: a.from,
    to: a.to,
    durationSec: a.durationSec,
    answeredBy: a.answeredBy,
    outcome: a.outcome,
    transcript: a.transcript,
    subject: a.subject,
    automated: a.automated,
    comment: a.comment,
  };
}

/**
 * Fills in who did each activity and which lead it belongs to, where that is certain, and
 * reports everything that is not: identity values listed for several people, activities that
 * match several people or several leads, and what matched nothing. Deterministic: the same
 * input gives the same output and report.
 */
export function resolveActivities(
  evidence: Pick<StoreEvidence, 'leads' | 'activities'>,
  people: readonly PersonIdentity[],
  options: ResolutionOptions = {},
): ResolvedActivities {
  const normalize = options.normalize ?? DEFAULT_NORMALIZERS;
  const rule = options.rule ?? DEFAULT_LINK_RULE;
  const identities = indexIdentities(people, normalize);
  let byContact: ReturnType<typeof indexLeadsByContact> | null = null;
  const counts: ResolutionCounts = {
    activities: evidence.activities.length,
    usersResolved: 0,
    usersAlreadyKnown: 0,
    usersAmbiguous: 0,
    usersUnmatched: 0,
    leadsLinked: 0,
    leadsAlreadySet: 0,
    leadsAmbiguous: 0,
    leadsUnmatched: 0,
  };
  const ambiguousUsers: AmbiguousUser[] = [];
  const ambiguousLeads: AmbiguousLead[] = [];
  const activities: ActivityRecord[] = new Array<ActivityRecord>(evidence.activities.length);

  for (let i = 0; i < evidence.activities.length; i++) {
    const a = evidence.activities[i]!;
    const source = options.sourceOf ? options.sourceOf(a) : null;
    const who = resolveActivityUser(identities, a, normalize, source);
    let userId = a.userId;
    if (who.outcome === 'kept') counts.usersAlreadyKnown++;
    else if (who.outcome === 'resolved') {
      counts.usersResolved++;
      userId = who.userId;
    } else if (who.outcome === 'ambiguous') {
      counts.usersAmbiguous++;
      ambiguousUsers.push({
        activityId: a.id,
        by: who.by,
        value: who.value,
        candidates: who.candidates,
      });
    } else counts.usersUnmatched++;

    let leadId = a.leadId;
    if (a.leadId !== null) counts.leadsAlreadySet++;
    else {
      byContact ??= indexLeadsByContact(evidence.leads, normalize);
      const lead = linkActivityToLead(a, byContact, normalize, rule);
      if (lead.outcome === 'linked') {
        counts.leadsLinked++;
        leadId = lead.leadId;
      } else if (lead.outcome === 'ambiguous') {
        counts.leadsAmbiguous++;
        ambiguousLeads.push({
          activityId: a.id,
          contact: lead.contact,
          candidates: lead.candidates,
          reason: lead.reason,
        });
      } else counts.leadsUnmatched++;
    }
    activities[i] = userId === a.userId && leadId === a.leadId ? a : withIds(a, userId, leadId);
  }
  return {
    activities,
    report: { identityConflicts: identities.conflicts, ambiguousUsers, ambiguousLeads, counts },
  };
}
