import { createHmac, timingSafeEqual } from 'node:crypto';
import { type ConnectorContext, type ParseResult, RecordCollector } from '@candor/connectors-core';
import { callFields, mapTwilioCall } from './twilio-call.mapper';

/**
 * Checks `X-Twilio-Signature`: base64 HMAC-SHA1, keyed with the auth token, of the full URL
 * Twilio called followed by every POST parameter name and value, sorted by name. Compared in
 * constant time so the signature cannot be guessed byte by byte.
 */
export function verifyTwilioSignature(
  url: string,
  params: Readonly<Record<string, string | readonly string[]>>,
  signature: string,
  authToken: string,
): boolean {
  let data = url;
  for (const key of Object.keys(params).sort()) {
    const value = params[key]!;
    // Repeated parameters are signed once per value, values in order.
    for (const v of typeof value === 'string' ? [value] : [...value].sort()) data += key + v;
  }
  const expected = createHmac('sha1', authToken).update(Buffer.from(data, 'utf8')).digest();
  const given = Buffer.from(signature, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The signature Twilio would send (tests and local tools that replay callbacks). */
export function signTwilioRequest(
  url: string,
  params: Readonly<Record<string, string>>,
  authToken: string,
): string {
  let data = url;
  for (const key of Object.keys(params).sort()) data += key + params[key];
  return createHmac('sha1', authToken).update(Buffer.from(data, 'utf8')).digest('base64');
}

/**
 * A voice status callback (form fields, PascalCase) → the call activity once the call has ended;
 * earlier events (`ringing`, `in-progress`) give nothing. The callback's `Timestamp` is when
 * the event happened, so the call started `CallDuration` seconds before a `completed` event.
 * Verify the signature first: this function trusts its input.
 */
export function parseStatusCallback(
  params: Readonly<Record<string, string>>,
  ctx: ConnectorContext,
): ParseResult {
  const out = new RecordCollector();
  const status = params['CallStatus']?.toLowerCase() ?? '';
  if (['queued', 'initiated', 'ringing', 'in-progress'].includes(status)) return out.result();
  const duration = params['CallDuration'] ?? params['Duration'] ?? null;
  let startTime: string | null = params['Timestamp'] ?? null;
  if (startTime !== null && duration !== null && /^\d+$/.test(duration)) {
    const end = Date.parse(startTime);
    if (!Number.isNaN(end)) startTime = new Date(end - Number(duration) * 1000).toISOString();
  }
  const fields = callFields(
    {
      sid: params['CallSid'],
      from: params['From'],
      to: params['To'],
      direction: params['Direction'],
      status,
      start_time: startTime,
      duration,
      answered_by: params['AnsweredBy'],
      parent_call_sid: params['ParentCallSid'],
    },
    null,
  );
  mapTwilioCall(fields, ctx, out);
  return out.result();
}
