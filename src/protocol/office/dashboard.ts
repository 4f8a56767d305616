// The answer of GET /api/office/dashboard: counts by status and result, a daily trend, KPIs and map points.
import { z } from 'zod';
import { RECORD_STATUSES } from '../snapshot.ts';

const LocalizedSchema = z.strictObject({ ja: z.string(), en: z.string() });

export const KPI_UNITS = ['count', 'days'] as const;

export const DashboardResponseSchema = z.strictObject({
  window: z.strictObject({ from: z.string(), to: z.string() }),
  counts: z.strictObject({
    /** Every status, 0 when none; records of the form changed in the window (deleted ones excluded). */
    byStatus: z.record(z.enum(RECORD_STATUSES), z.number().int().min(0)),
    /** The form's result output (its last scoring key) over the latest approved revision of each record; {} without formId or scoring. */
    byResult: z.record(z.string(), z.number().int().min(0)),
    /** Form id → status → count, over the same records as byStatus: what the review queue lists for that form, status and window. */
    byForm: z.record(z.string(), z.record(z.enum(RECORD_STATUSES), z.number().int().min(0))),
  }),
  /** The scoring output byResult counts, with its label; null when there is none. */
  result: z.strictObject({ key: z.string(), label: LocalizedSchema }).nullable(),
  /** One entry per UTC day of the window, oldest first: latest submits and approvals that day. */
  trend: z.array(z.strictObject({ day: z.string(), submitted: z.number().int().min(0), approved: z.number().int().min(0) })),
  kpis: z.array(z.strictObject({
    key: z.string(), label: LocalizedSchema, value: z.number().nullable(), unit: z.enum(KPI_UNITS),
  })),
  points: z.array(z.strictObject({ id: z.string(), lat: z.number(), lon: z.number(), status: z.enum(RECORD_STATUSES) })),
  /** True when the window held more records than the dashboard reads; the figures then cover the newest ones. */
  truncated: z.boolean(),
});

export type DashboardResponse = z.infer<typeof DashboardResponseSchema>;
