// Office export routes: the review queue's records as CSV (UTF-8 with BOM), GeoJSON or XLSX, same filters as the list; every export is audited.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ExportQuerySchema, type ExportFormat } from '../../../../src/protocol/office/export-query.ts';
import { toCsv } from '../../office/export-csv.ts';
import { toGeoJson } from '../../office/export-geojson.ts';
import { exportTable } from '../../office/export-rows.ts';
import { toXlsx } from '../../office/export-xlsx.ts';
import { officeScope, requireOfficeCaller } from '../../office/office-caller.ts';
import { parseBody } from '../parse-body.ts';
import type { ApiServices } from '../services.ts';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function attachment(reply: FastifyReply, format: ExportFormat, at: Date): FastifyReply {
  const stamp = at.toISOString().replace(/[:.]/g, '-').slice(0, 19);
  return reply
    .header('content-type', CONTENT_TYPES[format])
    .header('content-disposition', `attachment; filename="genba-records-${stamp}.${format}"`)
    .header('cache-control', 'no-store');
}

export function registerOfficeExportRoutes(app: FastifyInstance, services: ApiServices): void {
  for (const format of ['csv', 'geojson', 'xlsx'] as const) {
    app.get(`/api/office/export.${format}`, async (req, reply) => {
      const caller = await requireOfficeCaller(services, req, { scope: 'export:read' });
      const query = parseBody(ExportQuerySchema, req.query);
      const table = await exportTable(services, officeScope(services), query, format, caller.audit);
      attachment(reply, format, services.now());
      if (format === 'csv') return reply.send(toCsv(table));
      if (format === 'geojson') return reply.send(JSON.stringify(toGeoJson(table)));
      return reply.send(await toXlsx(table));
    });
  }
}
