export { ReportRepository } from './lib/report.repository';
export {
  FindingRepository,
  type FindingFilter,
  type FindingPageRequest,
} from './lib/finding.repository';
export {
  gradePeriod,
  refreshStore,
  DEFAULT_RUNNING_MINUTES,
  REPORT_LOOKBACK_DAYS,
  type PolicyProvider,
  type RefreshOptions,
  type StoreRefresh,
} from './lib/report-refresher';
export {
  loadStoreSettings,
  withStoreSettings,
  type StoreSettingsRow,
} from './lib/graded-store-profile';
export { findDueRefreshes, type DueRefresh } from './lib/due-refreshes.query';
export type {
  ReportBody,
  ReportKey,
  SavedReport,
  StoredFinding,
  StoredReport,
} from './lib/stored-report';
