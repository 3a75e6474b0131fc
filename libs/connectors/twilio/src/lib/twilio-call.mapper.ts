import {
  type ConnectorContext,
  isStorePhone,
  readVendorTime,
  type RecordCollector,
  textField,
} from '@candor/connectors-core';

const FINAL = new Set(['completed', 'busy', 'no-answer', 'failed', 'canceled']);
const TWILIO_FIELDS: Readonly<Record<string, string>> = {
  id: 'sid',
  at: 'start_time',
  durationSec: 'duration',
  from: 'from',
  to: 'to',
  answeredBy: 'answered_by',
};

/** Twilio `answered_by` (AMD) → bundle; `machine_start`, `machine_end_beep`, `fax`… are machines. */
export function answeredBy(value: string | null): 'human' | 'machine' | 'unknown' | null {
  if (value === null) return null;
  if (value === 'human') return 'human';
  if (value === 'unknown') return 'unknown';
  return value.startsWith('machine') || value === 'fax' ? 'machine' : 'unknown';
}

function outcome(status: string, answered: ReturnType<typeof answeredBy>): string {
  switch (status) {
    case 'completed':
      return answered === 'machine' ? 'voicemail' : 'connected';
    case 'busy':
      return 'busy';
    case 'no-answer':
    case 'canceled':
      return 'no_answer';
    default:
      return 'failed';
  }
}

export interface CallFields {
  sid: string | null;
  from: string | null;
  to: string | null;
  direction: string | null;
  status: string | null;
  /** RFC 2822 (`Mon, 02 Mar 2026 15:55:10 +0000`) in the API; ISO from some exports. */
  startTime: string | null;
  duration: string | null;
  answeredBy: string | null;
  parentCallSid: string | null;
  transcript: string | null;
}

/** The fields the mapper needs from a Call resource (REST JSON, snake_case). */
export function callFields(call: Record<string, unknown>, transcript: string | null): CallFields {
  return {
    sid: textField(call, 'sid'),
    from: textField(call, 'from'),
    to: textField(call, 'to'),
    direction: textField(call, 'direction'),
    status: textField(call, 'status'),
    startTime: textField(call, 'start_time') ?? textField(call, 'date_created'),
    duration: textField(call, 'duration'),
    answeredBy: textField(call, 'answered_by'),
    parentCallSid: textField(call, 'parent_call_sid'),
    transcript,
  };
}

/**
 * One finished Twilio call → a `recorded` call activity. The store's own numbers decide the
 * direction (Twilio's `direction` is relative to Twilio, and a forwarded call's legs flip it);
 * calls that have not ended yet are reported and left for the next sync.
 */
export function mapTwilioCall(call: CallFields, ctx: ConnectorContext, out: RecordCollector): void {
  const location = `call ${call.sid ?? '(no sid)'}`;
  if (call.sid === null) return out.reject(location, 'sid', 'is missing');
  const status = call.status?.toLowerCase() ?? null;
  if (status === null || !FINAL.has(status)) {
    return out.reject(
      location,
      'status',
      `is "${status ?? ''}": the call has not ended; it is read again by a later sync`,
    );
  }
  if (call.startTime === null) return out.reject(location, 'start_time', 'is missing');
  const time = readVendorTime(call.startTime, ctx.timeZone);
  if (!time.ok) return out.reject(location, 'start_time', time.reason);
  let direction: 'inbound' | 'outbound';
  if (isStorePhone(ctx, call.from)) direction = 'outbound';
  else if (isStorePhone(ctx, call.to)) direction = 'inbound';
  else direction = call.direction?.startsWith('outbound') ? 'outbound' : 'inbound';
  const answered = answeredBy(call.answeredBy?.toLowerCase() ?? null);
  const duration = call.duration === null ? null : Number(call.duration);
  const line: Record<string, unknown> = {
    type: 'activity',
    id: call.sid,
    storeId: ctx.storeId,
    channel: 'call',
    direction,
    evidence: 'recorded',
    at: time.iso,
    from: call.from,
    to: call.to,
    durationSec: duration !== null && Number.isFinite(duration) ? duration : call.duration,
    answeredBy: answered,
    outcome: outcome(status, answered),
    transcript: call.transcript,
    automated: false,
    twilioStatus: status,
  };
  if (call.parentCallSid) line['parentCallSid'] = call.parentCallSid;
  out.add(line, location, TWILIO_FIELDS);
}
