// The query of GET /api/office/dashboard: one survey (or all) over a time window (default: the last 30 days).
import { z } from 'zod';
import { FormIdParam, FromParam, ToParam } from './query-values.ts';

export const DashboardQuerySchema = z.strictObject({
  formId: FormIdParam.optional(),
  from: FromParam.optional(),
  to: ToParam.optional(),
});

export type DashboardQuery = z.infer<typeof DashboardQuerySchema>;
