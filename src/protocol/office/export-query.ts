// The query of GET /api/office/export.csv|.geojson|.xlsx: the review queue's filters, without paging.
import { z } from 'zod';
import { RecordFilterQueryShape } from './record-list-query.ts';

export const EXPORT_FORMATS = ['csv', 'geojson', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const ExportQuerySchema = z.strictObject(RecordFilterQueryShape);

export type ExportQuery = z.infer<typeof ExportQuerySchema>;
