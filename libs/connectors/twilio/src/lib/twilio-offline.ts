import {
  asObject,
  type ConnectorContext,
  type ParseResult,
  readJsonDocuments,
  RecordCollector,
  textField,
} from '@candor/connectors-core';
import { callFields, mapTwilioCall } from './twilio-call.mapper';

/**
 * Reads saved Twilio API responses offline: one Calls list page (`{"calls": […]}`), a bare
 * array of calls, or JSON Lines of response bodies as `TwilioCallsConnector` archives them
 * (Calls pages, and Recordings / Transcriptions lists, which are joined to their calls by
 * `call_sid` and `recording_sid`).
 */
export function parseTwilioCalls(text: string, ctx: ConnectorContext): ParseResult {
  const { documents, rejected } = readJsonDocuments(text);
  const out = new RecordCollector();
  for (const issue of rejected) out.reject(issue.location, issue.field, issue.reason);
  const callsBySource: { call: Record<string, unknown>; location: string }[] = [];
  const recordingsByCall = new Map<string, string[]>();
  const transcriptsByRecording = new Map<string, string[]>();
  for (const doc of documents) {
    const obj = asObject(doc.value);
    const calls = Array.isArray(doc.value) ? doc.value : obj?.['calls'];
    if (Array.isArray(calls)) {
      for (const c of calls) {
        const call = asObject(c);
        if (call) callsBySource.push({ call, location: doc.location });
        else out.reject(doc.location, 'calls', 'holds an item that is not a Call object');
      }
      continue;
    }
    if (Array.isArray(obj?.['recordings'])) {
      for (const r of obj['recordings'] as unknown[]) {
        const rec = asObject(r);
        const callSid = textField(rec, 'call_sid');
        const sid = textField(rec, 'sid');
        if (callSid && sid)
          recordingsByCall.set(callSid, [...(recordingsByCall.get(callSid) ?? []), sid]);
      }
      continue;
    }
    if (Array.isArray(obj?.['transcriptions'])) {
      for (const t of obj['transcriptions'] as unknown[]) {
        const tr = asObject(t);
        const recordingSid = textField(tr, 'recording_sid');
        const textValue = textField(tr, 'transcription_text');
        if (recordingSid && textValue)
          transcriptsByRecording.set(recordingSid, [
            ...(transcriptsByRecording.get(recordingSid) ?? []),
            textValue,
          ]);
      }
      continue;
    }
    out.reject(doc.location, null, 'is not a Twilio Calls, Recordings or Transcriptions response');
  }
  for (const { call } of callsBySource) {
    const sid = textField(call, 'sid') ?? '';
    const texts = (recordingsByCall.get(sid) ?? []).flatMap(
      (r) => transcriptsByRecording.get(r) ?? [],
    );
    mapTwilioCall(callFields(call, texts.length > 0 ? texts.join('\n') : null), ctx, out);
  }
  return out.result();
}
