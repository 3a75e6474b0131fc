import {
  customPeriod,
  type Period,
  PeriodError,
  periodContaining,
  periodOfDate,
} from '@candor/reports-domain';
import { PeriodGranularity, type PeriodInput } from './models/period.model';
import { ReportsException } from './reports.exception';

/** The period a request names, in the store's zone (default: the week holding `now`). */
export function resolvePeriod(
  input: PeriodInput | null | undefined,
  timeZone: string,
  now: number,
  field = 'period',
): Period {
  const fail = (at: string, message: string) =>
    ReportsException.invalid([{ field: `${field}.${at}`, message }]);
  if (!input) return periodContaining('week', now, timeZone);
  try {
    if (input.granularity === PeriodGranularity.CUSTOM) {
      if (input.date) throw fail('date', 'is not used with CUSTOM (give from and to)');
      if (!input.from || !input.to)
        throw fail(input.from ? 'to' : 'from', 'is required with CUSTOM');
      return customPeriod(input.from.getTime(), input.to.getTime());
    }
    if (input.from || input.to) throw fail(input.from ? 'from' : 'to', 'is only used with CUSTOM');
    return input.date
      ? namedPeriod(input.granularity, input.date, timeZone)
      : periodContaining(input.granularity, now, timeZone);
  } catch (error) {
    if (error instanceof PeriodError) {
      const at = input.granularity === PeriodGranularity.CUSTOM ? 'to' : 'date';
      throw fail(at, error.message);
    }
    throw error;
  }
}

/**
 * A named period (granularity, date, zone) never changes, and working it out with luxon was 4 %
 * of a scorecard request: remembered here, a frozen copy each, at most 1,000 of them.
 */
const named = new Map<string, Readonly<Period>>();
function namedPeriod(
  granularity: Parameters<typeof periodOfDate>[0],
  date: string,
  timeZone: string,
): Period {
  const key = `${granularity}|${date}|${timeZone}`;
  let period = named.get(key);
  if (!period) {
    period = Object.freeze(periodOfDate(granularity, date, timeZone));
    if (named.size >= 1_000) named.clear();
    named.set(key, period);
  }
  return { ...period };
}
