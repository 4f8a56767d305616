// Office export routes: the review queue's records as CSV (UTF-8 with BOM), GeoJSON or XLSX, same filters as the list; labels for people by default, codes on request; every export is audited.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ExportQuerySchema, type ExportFormat } from '../../../../src/protocol/office/export-query.ts';
import { toCsv } from '../../office/export-csv.ts';
import { toGeoJson } from '../../office/export-geojson.ts';
import { exportTable } from '../../office/export-rows.ts';
import { toXlsx } from '../../office/export-xlsx.ts';
import { localDateTime } from '../../office/local-time.ts';
import { officeScope, requireOfficeCaller } from '../../office/office-caller.ts';
import { parseBody } from '../parse-body.ts';
import type { ApiServices } from '../services.ts';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function attachment(reply: FastifyReply, format: ExportFormat, at: Date, timeZone: string, size: number): FastifyReply {
  // The clerk's own clock in the name ("genba-records-20261205-0800.csv"), not UTC.
  const stamp = (localDateTime(at.toISOString(), timeZone) ?? at.toISOString()).replace(/[-:]/g, '').replace(/[ T]/, '-').slice(0, 13);
  return reply
    .header('content-type', CONTENT_TYPES[format])
    .header('content-disposition', `attachment; filename="genba-records-${stamp}.${format}"`)
    // The office shows the download's progress from it.
    .header('content-length', size)
    .header('cache-control', 'no-store');
}

export function registerOfficeExportRoutes(app: FastifyInstance, services: ApiServices): void {
  for (const format of ['csv', 'geojson', 'xlsx'] as const) {
    app.get(`/api/office/export.${format}`, async (req, reply) => {
      const caller = await requireOfficeCaller(services, req, { scope: 'export:read' });
      const query = parseBody(ExportQuerySchema, req.query);
      const values = query.values ?? 'labels';
      const table = await exportTable({ ...services, timeZone: services.config.timeZone }, officeScope(services), query, format, caller.audit);
      const sheet = values === 'codes' ? { header: table.columns.map((c) => c.key), rows: table.codeRows } : { header: table.columns.map((c) => c.header), rows: table.labelRows };
      const body =
        format === 'csv' ? Buffer.from(toCsv(sheet), 'utf8')
          : format === 'geojson' ? Buffer.from(JSON.stringify(toGeoJson(table, values)), 'utf8')
            : await toXlsx(table);
      return attachment(reply, format, services.now(), services.config.timeZone, body.length).send(body);
    });
  }
}
