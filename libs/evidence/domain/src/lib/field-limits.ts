/**
 * Upper bounds on field sizes. They exist so one malformed or hostile line cannot make the
 * importer hold or report megabytes for a single field; real data stays far below them.
 * String lengths are in UTF-16 code units (JavaScript `length`).
 */
export const FIELD_LIMITS = {
  id: 200,
  /** Names and short labels: store/user/customer names, source, vehicle make/model/status. */
  name: 500,
  /** Activity `from`/`to`: an e-mail address or a phone number, possibly with a display name. */
  address: 500,
  /** E-mail subject, status reason. */
  shortText: 2_000,
  /** Lead comments, task/activity comments, note text, call transcripts. */
  longText: 100_000,
  email: 320,
  phone: 100,
  domain: 253,
  timeZone: 100,
  /** Items in any one list (emails, phones, names, domains). */
  listItems: 1_000,
  durationSec: 86_400,
  minPhoneDigits: 7,
  minVehicleYear: 1900,
  maxVehicleYear: 2100,
  minInstantYear: 2000,
  maxInstantYear: 2100,
  /** Real offsets span −12:00…+14:00; ISO 8601 software commonly allows ±18:00. */
  maxOffsetMinutes: 18 * 60,
} as const;
