import { IANAZone } from 'luxon';

const HOUR = 3_600_000;
/** Bounds the memo of one zone; a store-year needs under 9,000 entries. */
const MAX_CACHED_HOURS = 200_000;

/**
 * The UTC offset of one IANA zone, memoized per UTC hour. Luxon asks Intl for every offset,
 * which costs microseconds; a store-year asks for millions of them. An hour is cached only when
 * the offset is the same at its first and last millisecond, so a transition at any minute (Lord
 * Howe moves at half past) is still computed exactly.
 */
export class ZoneOffsets {
  private readonly zone: IANAZone;
  private readonly byHour = new Map<number, number>();

  constructor(readonly timeZone: string) {
    const zone = IANAZone.create(timeZone);
    if (!zone.isValid) throw new RangeError(`"${timeZone}" is not an IANA time zone`);
    this.zone = zone;
  }

  /** Minutes east of UTC at `ms` (−360 for Chicago in winter). */
  minutesAt(ms: number): number {
    const hour = Math.floor(ms / HOUR);
    let cached = this.byHour.get(hour);
    if (cached === undefined) {
      const start = this.zone.offset(hour * HOUR);
      cached = start === this.zone.offset(hour * HOUR + HOUR - 1) ? start : Number.NaN;
      if (this.byHour.size >= MAX_CACHED_HOURS) this.byHour.clear();
      this.byHour.set(hour, cached);
    }
    return Number.isNaN(cached) ? this.zone.offset(ms) : cached;
  }
}

const zones = new Map<string, ZoneOffsets>();

/** The shared offsets of `timeZone` (one memo per zone for the life of the process). */
export function zoneOffsets(timeZone: string): ZoneOffsets {
  let offsets = zones.get(timeZone);
  if (!offsets) {
    offsets = new ZoneOffsets(timeZone);
    zones.set(timeZone, offsets);
  }
  return offsets;
}
