export {
  WEEKDAYS,
  parseBusinessHours,
  type Weekday,
  type BusinessHours,
} from './lib/business-hours';
export {
  newStoreSettings,
  normalizeStoreSettings,
  isValidTimeZone,
  DEFAULT_BUSINESS_HOURS,
  type StoreSettings,
  type StoreSettingsInput,
} from './lib/store-settings';
