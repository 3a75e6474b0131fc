export {
  GRANULARITIES,
  CALENDAR_GRANULARITIES,
  MAX_CUSTOM_DAYS,
  PeriodError,
  customPeriod,
  judgedAt,
  periodContaining,
  periodOfDate,
  periodsUpTo,
  previousPeriod,
  type CalendarGranularity,
  type Granularity,
  type Period,
} from './lib/period';
export { findingKeys } from './lib/finding-key';
export {
  crmVersusReality,
  lowestSubscores,
  worstMetrics,
  type CrmRealityPair,
} from './lib/crm-vs-reality';
