// GET /api/office/records/:id/pdf: a record's 認定調査票 as PDF, built on the server with the tablet's own builder; supervisor/admin sessions only, audited as a download.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { migrateAnswers, type FormDefinition } from '../../../../src/engine/index.ts';
import { buildCareAssessmentPdf } from '../../../../src/documents/care-assessment-pdf.ts';
import { carePdfFileName, hasCareAssessmentPdf } from '../../../../src/documents/care-assessment-form.ts';
import { answersWithoutMeta } from '../../office/answers-without-meta.ts';
import { auditEntry } from '../../office/audit-context.ts';
import { requireOfficeCaller } from '../../office/office-caller.ts';
import { HttpError } from '../errors.ts';
import { parseBody } from '../parse-body.ts';
import type { ApiServices } from '../services.ts';
import type { ServerRecord } from '../../storage/sync-store.ts';

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

/** attachment with an ASCII fallback name and the Japanese one, 調査票_<申請番号>_<氏名>_<調査日>.pdf (RFC 6266 / 5987). */
function contentDisposition(recordId: string, answers: Record<string, unknown>): string {
  const ascii = `care-assessment_${recordId.replace(/[^A-Za-z0-9_-]/g, '_')}.pdf`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(carePdfFileName(recordId, answers))}`;
}

/** The answers in the server's form version: a record of an older version is moved along the form's migrations (none: no document). */
function answersForVersion(form: FormDefinition, record: ServerRecord): Record<string, unknown> {
  const answers = answersWithoutMeta(record.answers);
  if (record.formVersion === form.version) return answers;
  const migrated = record.formVersion < form.version ? migrateAnswers(form, record.formVersion, answers) : null;
  if (!migrated?.ok) {
    throw new HttpError('E_NO_DOCUMENT', `The record uses version ${record.formVersion} of ${record.formId}; the server holds version ${form.version}.`);
  }
  return migrated.answers;
}

export function registerCarePdfRoutes(app: FastifyInstance, services: ApiServices): void {
  const font = lazyFont();

  app.get('/api/office/records/:id/pdf', async (req, reply) => {
    // No API token scope: a person prints the 調査票, and every copy is audited under their name.
    const caller = await requireOfficeCaller(services, req);
    const { id } = parseBody(IdParamsSchema, req.params);
    const { lang } = parseBody(PdfQuerySchema, req.query);
    const now = services.now();
    const { record, form, answers } = await services.store.transaction(async (tx) => {
      const [found] = await tx.getRecords([id]);
      if (!found || found.deleted) throw new HttpError('E_NOT_FOUND', `No record ${id}.`);
      const definition = services.forms.get(found.formId);
      if (!hasCareAssessmentPdf(found.formId) || !definition) throw new HttpError('E_NO_DOCUMENT', `Records of ${found.formId} have no 調査票 PDF.`);
      const answers = answersForVersion(definition, found);
      // Health data leaves the server: the download is audited in the read's transaction.
      await tx.appendAudit([auditEntry(caller.audit, 'download', found.id, { document: 'care-assessment-pdf', formVersion: found.formVersion, lang }, now.toISOString())]);
      return { record: found, form: definition, answers };
    });
    const pdf = await buildCareAssessmentPdf(form, answers, { fontBytes: await font(), generatedAt: now, lang, recordId: record.id });
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', contentDisposition(record.id, answers))
      .header('cache-control', 'no-store')
      .send(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
  });
}
