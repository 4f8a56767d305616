// The query of GET /api/office/export.csv|.geojson|.xlsx: the review queue's filters, without paging, and which values the CSV/GeoJSON carry.
import { z } from 'zod';
import { RecordFilterQueryShape } from './record-list-query.ts';

export const EXPORT_FORMATS = ['csv', 'geojson', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** `labels` (default): Japanese headers and choice labels for people; `codes`: internal column names and stored codes (the XLSX has both sheets). */
export const EXPORT_VALUES = ['labels', 'codes'] as const;
export type ExportValues = (typeof EXPORT_VALUES)[number];

export const ExportQuerySchema = z.strictObject({ ...RecordFilterQueryShape, values: z.enum(EXPORT_VALUES).optional() });

export type ExportQuery = z.infer<typeof ExportQuerySchema>;
