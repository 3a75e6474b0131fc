import {
  asObject,
  type ConnectorContext,
  readVendorTime,
  type RecordCollector,
  textField,
} from '@candor/connectors-core';
import { normalizeEmail, normalizePhone } from '@candor/shared-contact';

export const VIN_FEED_NAMES = ['leads', 'tasks', 'appointments', 'showroomvisits'] as const;
export type VinFeedName = (typeof VIN_FEED_NAMES)[number];

const TASK_TYPES: Readonly<Record<string, string>> = {
  call: 'call',
  'phone call': 'call',
  email: 'email',
  text: 'text',
  sms: 'text',
  appointment: 'appointment',
};
const LEAD_KINDS: Readonly<Record<string, string>> = {
  internet: 'internet',
  phone: 'phone',
  'phone up': 'phone',
  'walk-in': 'walk_in',
  showroom: 'walk_in',
};
const STATUSES: Readonly<Record<string, string>> = {
  sold: 'sold',
  lost: 'lost',
  bad: 'bad',
  'bad lead': 'bad',
  inactive: 'inactive',
};

/** Which feed an item came from, by its id field (saved files mix feeds). */
export function feedOf(item: Record<string, unknown>): VinFeedName | null {
  if ('VisitId' in item) return 'showroomvisits';
  if ('TaskId' in item) return 'tasks';
  if ('AppointmentId' in item) return 'appointments';
  if ('LeadId' in item) return 'leads';
  return null;
}

function time(
  item: Record<string, unknown>,
  key: string,
  ctx: ConnectorContext,
  location: string,
  out: RecordCollector,
): string | null {
  const text = textField(item, key);
  if (text === null) return null;
  // The feeds' *Utc fields are UTC even when the offset is left off.
  const t = readVendorTime(text, key.endsWith('Utc') ? 'UTC' : ctx.timeZone);
  if (t.ok) return t.iso;
  out.reject(location, key, t.reason);
  return null;
}

function list(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value)
    ? value.map(asObject).filter((x): x is Record<string, unknown> => x !== null)
    : [];
}

/**
 * One item of a VinSolutions feed → bundle records. A showroom visit is an inbound `visit`
 * activity the CRM claims (a person clicked "visit"); an appointment's own `ShowedUtc` is its
 * `shownAt`. The two are kept apart on purpose: a visit without an appointment is a walk-in.
 */
export function mapVinItem(
  feed: VinFeedName,
  item: Record<string, unknown>,
  ctx: ConnectorContext,
  out: RecordCollector,
): void {
  const s = ctx.storeId;
  const t = (key: string, location: string) => time(item, key, ctx, location, out);
  switch (feed) {
    case 'leads': {
      const id = textField(item, 'LeadId');
      const location = `lead ${id ?? '(no id)'}`;
      const customer = asObject(item['Customer']);
      const vehicle = asObject(item['Vehicle']);
      const name = [textField(customer, 'FirstName'), textField(customer, 'LastName')]
        .filter(Boolean)
        .join(' ');
      const type = textField(item, 'LeadType')?.toLowerCase() ?? null;
      out.add(
        {
          type: 'lead',
          id,
          storeId: s,
          receivedAt: t('CreatedUtc', location),
          source: textField(item, 'LeadSource'),
          kind: type === null ? 'internet' : (LEAD_KINDS[type] ?? 'other'),
          assignedTo: textField(item, 'SalesRepUserId'),
          customer: {
            name: name || null,
            emails: list(customer?.['Emails'])
              .map((e) => normalizeEmail(textField(e, 'EmailAddress') ?? ''))
              .filter(Boolean),
            phones: list(customer?.['Phones'])
              .map((p) => normalizePhone(textField(p, 'Number') ?? ''))
              .filter(Boolean),
          },
          vehicle: vehicle
            ? {
                year: typeof vehicle['Year'] === 'number' ? vehicle['Year'] : null,
                make: textField(vehicle, 'Make'),
                model: textField(vehicle, 'Model'),
                status:
                  vehicle['IsNew'] === true ? 'new' : vehicle['IsNew'] === false ? 'used' : null,
              }
            : null,
          comments: textField(item, 'Comments'),
        },
        location,
        { id: 'LeadId', receivedAt: 'CreatedUtc' },
      );
      const status = STATUSES[textField(item, 'LeadStatus')?.toLowerCase() ?? ''];
      if (id && status) {
        out.add(
          {
            type: 'status',
            id: `${id}:status:${status}`,
            storeId: s,
            leadId: id,
            at: t('LastModifiedUtc', location),
            status,
            reason: textField(item, 'LeadStatusReason'),
          },
          location,
          { at: 'LastModifiedUtc' },
        );
      }
      return;
    }
    case 'tasks': {
      const location = `task ${textField(item, 'TaskId') ?? '(no id)'}`;
      out.add(
        {
          type: 'task',
          id: textField(item, 'TaskId'),
          storeId: s,
          leadId: textField(item, 'LeadId'),
          taskType: TASK_TYPES[textField(item, 'TaskType')?.toLowerCase() ?? ''] ?? 'other',
          assignedTo: textField(item, 'AssignedToUserId'),
          createdAt: t('CreatedUtc', location),
          dueAt: t('DueUtc', location),
          completedAt: t('CompletedUtc', location),
          completedBy: textField(item, 'CompletedByUserId'),
          dismissedAt: t('DismissedUtc', location),
          comment: textField(item, 'Description'),
        },
        location,
        { id: 'TaskId', leadId: 'LeadId', dueAt: 'DueUtc' },
      );
      return;
    }
    case 'appointments': {
      const location = `appointment ${textField(item, 'AppointmentId') ?? '(no id)'}`;
      out.add(
        {
          type: 'appointment',
          id: textField(item, 'AppointmentId'),
          storeId: s,
          leadId: textField(item, 'LeadId'),
          setAt: t('CreatedUtc', location),
          setBy: textField(item, 'CreatedByUserId'),
          startsAt: t('StartUtc', location),
          confirmedAt: t('ConfirmedUtc', location),
          shownAt: t('ShowedUtc', location),
          cancelledAt: t('CancelledUtc', location),
        },
        location,
        { id: 'AppointmentId', leadId: 'LeadId', setAt: 'CreatedUtc', startsAt: 'StartUtc' },
      );
      return;
    }
    case 'showroomvisits': {
      const location = `visit ${textField(item, 'VisitId') ?? '(no id)'}`;
      out.add(
        {
          type: 'activity',
          id: textField(item, 'VisitId'),
          storeId: s,
          leadId: textField(item, 'LeadId'),
          channel: 'visit',
          direction: 'inbound',
          evidence: 'claimed',
          at: t('VisitStartUtc', location),
          userId: textField(item, 'SalesRepUserId'),
          comment: textField(item, 'Notes'),
        },
        location,
        { id: 'VisitId', at: 'VisitStartUtc' },
      );
    }
  }
}
