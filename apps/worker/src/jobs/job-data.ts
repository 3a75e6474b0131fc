import type { TenantJobData } from '@candor/platform-queue';

export interface ConnectorSyncData extends TenantJobData {
  connectorId: string;
}

export interface EvidenceRegradeData extends TenantJobData {
  storeId: string;
  leadIds: string[];
}

export interface EvidenceImportData extends TenantJobData {
  storeId: string;
  importRunId: string;
}

export interface ReportsRefreshData extends TenantJobData {
  storeId: string;
}
