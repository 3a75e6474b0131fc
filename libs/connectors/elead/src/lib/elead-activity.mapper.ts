import {
  asObject,
  type ConnectorContext,
  type RecordCollector,
  textField,
} from '@candor/connectors-core';
import { eleadActivityMeaning } from './elead-activity-types';
import { eleadTime } from './elead-opportunity.mapper';

const FIELDS: Readonly<Record<string, string>> = {
  id: 'activityId',
  at: 'completedDate',
  dueAt: 'dueDate',
  setAt: 'createdDate',
  startsAt: 'dueDate',
  text: 'comments',
  leadId: 'opportunityId',
};

function userId(value: unknown): string | null {
  if (typeof value === 'string' || typeof value === 'number') return textField({ v: value }, 'v');
  return textField(asObject(value), 'id');
}

/**
 * One entry of an opportunity's activity history → bundle records, by the type table:
 * logged calls and visits are `claimed` activities; e-mails and texts the CRM sent with a body
 * are `recorded`; auto-responses are `automated`; notes are notes; scheduled items are tasks
 * (a scheduled e-mail or text that went out is also its recorded message).
 */
export function mapEleadActivity(
  item: Record<string, unknown>,
  fallbackLeadId: string | null,
  ctx: ConnectorContext,
  out: RecordCollector,
): void {
  const id = textField(item, 'activityId') ?? textField(item, 'id');
  const location = `activity ${id ?? '(no id)'}`;
  if (id === null) return out.reject(location, 'activityId', 'is missing');
  const leadId = textField(item, 'opportunityId') ?? fallbackLeadId;
  const name = textField(item, 'activityName') ?? textField(item, 'name');
  const meaning = eleadActivityMeaning(item['activityType'], name);
  if (meaning === null) {
    return out.reject(
      location,
      'activityType',
      `type ${JSON.stringify(item['activityType'] ?? null)} (${JSON.stringify(name)}) is not in the Elead activity table; it is not counted`,
    );
  }
  const created = eleadTime(item, 'createdDate', ctx, location, out);
  const due = eleadTime(item, 'dueDate', ctx, location, out);
  const completed = eleadTime(item, 'completedDate', ctx, location, out);
  const by = userId(item['completedBy']) ?? userId(item['assignedTo']) ?? userId(item['userId']);
  const comments = textField(item, 'comments');
  const message = asObject(item['message']);
  const base = { id, storeId: ctx.storeId, leadId };

  switch (meaning.kind) {
    case 'note':
      out.add(
        {
          type: 'note',
          ...base,
          at: completed ?? created,
          userId: by,
          text: comments ?? textField(message, 'body'),
        },
        location,
        FIELDS,
      );
      return;
    case 'appointment':
      out.add(
        {
          type: 'appointment',
          ...base,
          setAt: created,
          setBy: by,
          startsAt: due,
          confirmedAt: eleadTime(item, 'confirmedDate', ctx, location, out),
          shownAt: completed,
        },
        location,
        FIELDS,
      );
      return;
    case 'status':
      out.add(
        {
          type: 'status',
          ...base,
          at: completed ?? created,
          status: meaning.status,
          by,
          reason: comments,
        },
        location,
        FIELDS,
      );
      if (meaning.status === 'sold')
        out.add(
          { type: 'sale', ...base, id: `${id}:sale`, soldAt: completed ?? created, userId: by },
          location,
          FIELDS,
        );
      return;
    case 'automated':
      out.add(
        message
          ? messageLine(base, meaning.channel, 'outbound', completed ?? created, by, message, true)
          : {
              type: 'activity',
              ...base,
              channel: meaning.channel,
              direction: 'outbound',
              evidence: 'recorded',
              at: completed ?? created,
              userId: by,
              automated: true,
            },
        location,
        FIELDS,
      );
      return;
    case 'task':
      out.add(
        taskLine(base, meaning.taskType, created, due, completed, by, comments, item),
        location,
        FIELDS,
      );
      return;
    case 'contact': {
      if (
        due !== null &&
        (meaning.channel === 'call' || meaning.channel === 'email' || meaning.channel === 'text')
      ) {
        out.add(
          taskLine(base, meaning.channel, created, due, completed, by, comments, item),
          location,
          FIELDS,
        );
        if (meaning.channel === 'call' || completed === null || !textField(message, 'body')) return;
      }
      const at = completed ?? created;
      const automated = item['isAutomated'] === true;
      if (meaning.needsBody && textField(message, 'body')) {
        out.add(
          messageLine(
            { ...base, id: due !== null ? `${id}:message` : id },
            meaning.channel as 'email' | 'text',
            meaning.direction,
            at,
            by,
            message!,
            automated,
          ),
          location,
          FIELDS,
        );
        return;
      }
      out.add(
        {
          type: 'activity',
          ...base,
          channel: meaning.channel,
          direction: meaning.direction,
          evidence: 'claimed',
          at,
          userId: by,
          comment: comments,
          automated,
        },
        location,
        FIELDS,
      );
    }
  }
}

function taskLine(
  base: { id: string; storeId: string; leadId: string | null },
  taskType: string,
  created: string | null,
  due: string | null,
  completed: string | null,
  by: string | null,
  comments: string | null,
  item: Record<string, unknown>,
): Record<string, unknown> {
  const dismissed =
    textField(item, 'status')?.toLowerCase() === 'cancelled' || item['isDismissed'] === true;
  return {
    type: 'task',
    ...base,
    taskType,
    assignedTo: userId(item['assignedTo']),
    createdAt: created,
    dueAt: due ?? created,
    completedAt: dismissed ? null : completed,
    completedBy: dismissed || completed === null ? null : (userId(item['completedBy']) ?? by),
    dismissedAt: dismissed ? (completed ?? created) : null,
    comment: comments,
  };
}

function messageLine(
  base: { id: string; storeId: string; leadId: string | null },
  channel: 'email' | 'text',
  direction: 'outbound' | 'inbound',
  at: string | null,
  by: string | null,
  message: Record<string, unknown>,
  automated: boolean,
): Record<string, unknown> {
  return {
    type: 'activity',
    ...base,
    channel,
    direction,
    evidence: 'recorded',
    at,
    userId: by,
    from: textField(message, 'from'),
    to: textField(message, 'to'),
    subject: textField(message, 'subject'),
    outcome: direction === 'outbound' ? 'sent' : null,
    automated,
  };
}
