// GET /api/office/records/:id/pdf: a record's 認定調査票 as PDF, built on the server with the tablet's own builder; supervisor/admin sessions only, audited as a download.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { buildCareAssessmentPdf } from '../../../../src/documents/care-assessment-pdf.ts';
import { carePdfFileName, hasCareAssessmentPdf } from '../../../../src/documents/care-assessment-form.ts';
import { answersWithoutMeta } from '../../office/answers-without-meta.ts';
import { auditEntry } from '../../office/audit-context.ts';
import { requireOfficeCaller } from '../../office/office-caller.ts';
import { HttpError } from '../errors.ts';
import { parseBody } from '../parse-body.ts';
import type { ApiServices } from '../services.ts';

const IdParamsSchema = z.object({ id: z.string().min(1).max(100) });
const PdfQuerySchema = z.object({ lang: z.enum(['ja', 'en']).default('ja') });

/** The same font file the PWA ships (vite copies it from this package). */
const FONT_MODULE = '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf';

/** Reads the 5.4 MB font once, on the first PDF, and keeps it (the same bytes object also keeps fontkit's parse cached). */
function lazyFont(): () => Promise<Uint8Array> {
  let bytes: Promise<Uint8Array> | null = null;
  return () => {
    bytes ??= readFile(createRequire(import.meta.url).resolve(FONT_MODULE)).then(
      (buffer) => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength),
      (error: unknown) => {
        bytes = null;
        throw error;
      },
    );
    return bytes;
  };
}

/** attachment with an ASCII fallback name and the Japanese one (RFC 6266 / 5987). */
function contentDisposition(recordId: string): string {
  const ascii = `care-assessment_${recordId.replace(/[^A-Za-z0-9_-]/g, '_')}.pdf`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(carePdfFileName(recordId))}`;
}

export function registerCarePdfRoutes(app: FastifyInstance, services: ApiServices): void {
  const font = lazyFont();

  app.get('/api/office/records/:id/pdf', async (req, reply) => {
    // No API token scope: a person prints the 調査票, and every copy is audited under their name.
    const caller = await requireOfficeCaller(services, req);
    const { id } = parseBody(IdParamsSchema, req.params);
    const { lang } = parseBody(PdfQuerySchema, req.query);
    const now = services.now();
    const { record, form } = await services.store.transaction(async (tx) => {
      const [found] = await tx.getRecords([id]);
      if (!found || found.deleted) throw new HttpError('E_NOT_FOUND', `No record ${id}.`);
      const definition = services.forms.get(found.formId);
      if (!hasCareAssessmentPdf(found.formId) || !definition) throw new HttpError('E_NO_DOCUMENT', `Records of ${found.formId} have no 調査票 PDF.`);
      if (definition.version !== found.formVersion) {
        throw new HttpError('E_NO_DOCUMENT', `The record uses version ${found.formVersion} of ${found.formId}; the server holds version ${definition.version}.`);
      }
      // Health data leaves the server: the download is audited in the read's transaction.
      await tx.appendAudit([auditEntry(caller.audit, 'download', found.id, { document: 'care-assessment-pdf', formVersion: found.formVersion, lang }, now.toISOString())]);
      return { record: found, form: definition };
    });
    const pdf = await buildCareAssessmentPdf(form, answersWithoutMeta(record.answers), { fontBytes: await font(), generatedAt: now, lang, recordId: record.id });
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', contentDisposition(record.id))
      .header('cache-control', 'no-store')
      .send(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
  });
}
