export { WEEKDAYS, type Weekday, type WeeklyHours } from './lib/weekly-hours';
export { createBusinessClock, type BusinessClock } from './lib/business-clock';
