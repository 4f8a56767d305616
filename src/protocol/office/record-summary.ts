// A record's derived review-queue columns as the back office receives them.
import { z } from 'zod';

export const RecordSummarySchema = z.strictObject({
  /** The record's title by its form's recordTitle (the device's list title, engine recordTitle), null when empty. */
  title: z.string().nullable(),
  /** Its subtitle (e.g. the 申請番号), null when empty; absent from servers before 2026-12. */
  subtitle: z.string().nullable().optional(),
  /** The first geopoint answer. */
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  /** The form engine's errors / warnings when the record was last evaluated (at submit and later non-draft writes). */
  errorCount: z.number().int().min(0),
  warningCount: z.number().int().min(0),
  submittedAt: z.string().nullable(),
  /** Latest revision number (0 = never submitted). */
  revision: z.number().int().min(0),
});

export type RecordSummaryMessage = z.infer<typeof RecordSummarySchema>;
