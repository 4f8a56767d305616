// Building blocks for the back office's query strings: every value arrives as a string and is parsed into a typed value or refused.
import { z } from 'zod';
import { FormIdSchema } from '../common.ts';
import { RECORD_STATUSES } from '../snapshot.ts';

const WHOLE_NUMBER = /^\d{1,15}$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** `limit`: a whole number 1..max, `fallback` when absent. */
export function limitParam(fallback: number, max: number) {
  return z.string().regex(WHOLE_NUMBER, 'limit is a whole number')
    .transform(Number)
    .pipe(z.number().int().min(1).max(max))
    .optional()
    .transform((value) => value ?? fallback);
}

/** A non-negative whole number cursor (the hand-off feed's, the audit log's `before`). */
export const SeqParam = z.string().regex(WHOLE_NUMBER, 'a cursor is a whole number ≥ 0')
  .transform(Number)
  .pipe(z.number().int().min(0).max(Number.MAX_SAFE_INTEGER));

/** `1`/`true` or `0`/`false`. */
export const FlagParam = z.enum(['1', '0', 'true', 'false']).transform((value) => value === '1' || value === 'true');

const instant = z.union([z.string().regex(DATE_ONLY), z.iso.datetime({ offset: true })])
  .refine((value) => !Number.isNaN(Date.parse(value)), 'not a date');

/** Inclusive lower time bound: `YYYY-MM-DD` (start of that UTC day) or an ISO date-time; normalized to ISO UTC. */
export const FromParam = instant.transform((value) => new Date(DATE_ONLY.test(value) ? `${value}T00:00:00.000Z` : value).toISOString());

/** Inclusive upper time bound: `YYYY-MM-DD` (end of that UTC day) or an ISO date-time; normalized to ISO UTC. */
export const ToParam = instant.transform((value) => new Date(DATE_ONLY.test(value) ? `${value}T23:59:59.999Z` : value).toISOString());

/** `status=submitted,returned`: one or more record statuses. */
export const StatusListParam = z.string().max(100)
  .transform((value) => [...new Set(value.split(','))])
  .pipe(z.array(z.enum(RECORD_STATUSES)).min(1));

/** `bbox=minLon,minLat,maxLon,maxLat` in WGS84 degrees. */
export const BboxParam = z.string().max(200)
  .transform((value) => value.split(',').map((part) => (part.trim() === '' ? Number.NaN : Number(part))))
  .pipe(z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90), z.number().min(-180).max(180), z.number().min(-90).max(90)]))
  .refine(([minLon, minLat, maxLon, maxLat]) => minLon <= maxLon && minLat <= maxLat, 'bbox is minLon,minLat,maxLon,maxLat with min ≤ max');

export const IdParam = z.string().min(1).max(100);
export const FormIdParam = FormIdSchema;
