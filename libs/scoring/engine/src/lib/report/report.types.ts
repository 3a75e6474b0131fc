import type { Category, MetricId } from '../policy/metric-ids';

export type Severity = 'low' | 'medium' | 'high';

/** Evidence behind a penalty (§4): what a consultant shows a dealer. */
export interface Finding {
  metricId: MetricId;
  severity: Severity;
  leadId?: string;
  userId?: string;
  eventIds: string[];
  message: string;
}

export interface MetricValue {
  /** null means "no data" (never zero). Rates are fractions in [0, 1], unrounded. */
  value: number | null;
  /** The denominator (leads, events or tasks the value is over). */
  n: number;
  /** 0–100, or null when the metric is not graded or has no value. */
  subscore: number | null;
  /** Wall-clock twin of a business-minute duration. */
  wallClockValue?: number | null;
}

export interface Grade {
  score: number | null;
  letter: 'A' | 'B' | 'C' | 'D' | 'F' | null;
}

export interface Coverage {
  /** Evidence sources present for the store: crm, telephony, email, text. */
  sources: string[];
  /** Metrics with a value / all metrics. */
  computable: number;
  total: number;
  /** Metrics that could not be computed because a source they need is absent. */
  missingSources: Partial<Record<MetricId, string[]>>;
}

export interface AgentReport {
  userId: string;
  name: string | null;
  overall: Grade;
  categories: Record<Category, { score: number | null }>;
  metrics: Record<MetricId, MetricValue>;
}

export interface StoreReport {
  storeId: string;
  name: string | null;
  /** The store's IANA time zone (business hours and local days are read in it). */
  timeZone: string;
  overall: Grade;
  categories: Record<Category, { score: number | null }>;
  coverage: Coverage;
  metrics: Record<MetricId, MetricValue>;
  findings: Finding[];
  agents: AgentReport[];
}

/** The report of §5: what `candor grade --format json` prints and the API stores. */
export interface Report {
  policyVersion: string;
  window: { from: string; to: string; asOf: string };
  stores: StoreReport[];
}

export interface GradeWindow {
  /** Leads with receivedAt in [from, to) are graded (epoch ms). */
  from: number;
  to: number;
  /** The moment evidence is judged at: nothing later is seen. Default `to`. */
  asOf: number;
}
