export { ReportsModule, REPORTS_RESOLVERS } from './lib/reports.module';
export type { ReportsOptions } from './lib/reports.options';
