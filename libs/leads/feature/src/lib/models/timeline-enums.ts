import { registerEnumType } from '@nestjs/graphql';

export const LeadTimelineKind = {
  LEAD: 'lead',
  TASK: 'task',
  ACTIVITY: 'activity',
  NOTE: 'note',
  APPOINTMENT: 'appointment',
  STATUS: 'status',
  SALE: 'sale',
} as const;
export type LeadTimelineKind = (typeof LeadTimelineKind)[keyof typeof LeadTimelineKind];

registerEnumType(LeadTimelineKind, {
  name: 'LeadTimelineKind',
  description: 'Which evidence record a timeline entry shows (the record types of a bundle).',
});

export const ClaimStatus = {
  CORROBORATED: 'corroborated',
  UNCORROBORATED: 'uncorroborated',
} as const;
export type ClaimStatus = (typeof ClaimStatus)[keyof typeof ClaimStatus];

registerEnumType(ClaimStatus, {
  name: 'ClaimStatus',
  description: 'Whether a genuine attempt on the same channel backs a claim (scoring §1).',
  valuesMap: {
    CORROBORATED: { description: 'A recorded attempt within the corroboration window backs it.' },
    UNCORROBORATED: { description: 'Nothing the phone system or mail server recorded backs it.' },
  },
});

export const LinkedBy = { LEAD_ID: 'lead_id', PHONE: 'phone', EMAIL: 'email' } as const;
export type LinkedBy = (typeof LinkedBy)[keyof typeof LinkedBy];

registerEnumType(LinkedBy, {
  name: 'LinkedBy',
  description: 'How a record was tied to its lead.',
  valuesMap: {
    LEAD_ID: { description: 'The record names the lead.' },
    PHONE: { description: "Its counterpart's number is one of the customer's phones." },
    EMAIL: { description: "Its counterpart's address is one of the customer's e-mails." },
  },
});
