/**
 * What an Elead activity type means as evidence. The one place to extend when a dealer's CRM
 * shows a type this table does not know (unknown types are reported, never guessed).
 *
 * - `contact`: a logged touch. `evidence` is what the CRM can prove: a call a person logged is
 *   `claimed`; a message the CRM itself sent, with its body, is `recorded`, unless the body is
 *   missing, then it is only `claimed`.
 * - `automated`: auto-responses are contact by no one; they are kept, flagged, never counted.
 * - `note`: a note is never contact, whatever its text says.
 * - `task`: scheduled work; completing it is the CRM's claim that it was done.
 */
export type EleadMeaning =
  | {
      kind: 'contact';
      channel: 'call' | 'email' | 'text' | 'visit';
      direction: 'outbound' | 'inbound';
      needsBody: boolean;
    }
  | { kind: 'automated'; channel: 'email' | 'text' }
  | { kind: 'note' }
  | { kind: 'task'; taskType: 'call' | 'email' | 'text' | 'appointment' | 'other' }
  | { kind: 'appointment' }
  | { kind: 'status'; status: 'sold' | 'lost' | 'bad' | 'inactive' | 'active' };

/**
 * By `activityType` code as Elead's activity APIs number them (our reading of the Fortellis
 * samples; the names are matched too, case-insensitively, since exports carry only names).
 */
export const ELEAD_ACTIVITY_TYPES: ReadonlyArray<{
  code: number;
  names: readonly string[];
  meaning: EleadMeaning;
}> = [
  {
    code: 1,
    names: ['phone call', 'outbound call', 'call'],
    meaning: { kind: 'contact', channel: 'call', direction: 'outbound', needsBody: false },
  },
  {
    code: 2,
    names: ['inbound call', 'incoming call'],
    meaning: { kind: 'contact', channel: 'call', direction: 'inbound', needsBody: false },
  },
  {
    code: 3,
    names: ['email', 'outbound email', 'send email', 'crm email'],
    meaning: { kind: 'contact', channel: 'email', direction: 'outbound', needsBody: true },
  },
  {
    code: 4,
    names: ['inbound email', 'email reply', 'customer email'],
    meaning: { kind: 'contact', channel: 'email', direction: 'inbound', needsBody: true },
  },
  {
    code: 5,
    names: ['text', 'outbound text', 'sms', 'text message'],
    meaning: { kind: 'contact', channel: 'text', direction: 'outbound', needsBody: true },
  },
  {
    code: 6,
    names: ['inbound text', 'text reply'],
    meaning: { kind: 'contact', channel: 'text', direction: 'inbound', needsBody: true },
  },
  {
    code: 7,
    names: ['auto response', 'auto-response', 'automated email', 'autoresponder'],
    meaning: { kind: 'automated', channel: 'email' },
  },
  {
    code: 8,
    names: ['auto text', 'automated text'],
    meaning: { kind: 'automated', channel: 'text' },
  },
  {
    code: 9,
    names: ['note', 'general note', 'comment', 'internal note'],
    meaning: { kind: 'note' },
  },
  { code: 10, names: ['appointment', 'appointment set'], meaning: { kind: 'appointment' } },
  {
    code: 11,
    names: ['showroom visit', 'walk-in', 'showroom'],
    meaning: { kind: 'contact', channel: 'visit', direction: 'inbound', needsBody: false },
  },
  { code: 12, names: ['sold', 'delivered'], meaning: { kind: 'status', status: 'sold' } },
  { code: 13, names: ['lost', 'lost deal'], meaning: { kind: 'status', status: 'lost' } },
  { code: 14, names: ['bad lead', 'bad'], meaning: { kind: 'status', status: 'bad' } },
  {
    code: 15,
    names: ['follow up', 'follow-up', 'to do', 'task', 'other'],
    meaning: { kind: 'task', taskType: 'other' },
  },
  { code: 16, names: ['scheduled call', 'call task'], meaning: { kind: 'task', taskType: 'call' } },
  {
    code: 17,
    names: ['scheduled email', 'email task'],
    meaning: { kind: 'task', taskType: 'email' },
  },
];

const BY_CODE = new Map(ELEAD_ACTIVITY_TYPES.map((t) => [t.code, t.meaning]));
const BY_NAME = new Map(
  ELEAD_ACTIVITY_TYPES.flatMap((t) => t.names.map((n) => [n, t.meaning] as const)),
);

/** The meaning of an activity by its name (preferred: codes differ between dealers) or code. */
export function eleadActivityMeaning(code: unknown, name: string | null): EleadMeaning | null {
  if (name !== null) {
    const byName = BY_NAME.get(name.trim().toLowerCase());
    if (byName) return byName;
  }
  const n =
    typeof code === 'number'
      ? code
      : typeof code === 'string' && /^\d+$/.test(code)
        ? Number(code)
        : NaN;
  return BY_CODE.get(n) ?? null;
}
