// Builds a record's 調査票 PDF on the tablet. Loaded only with import() when the assessor asks for a PDF, so pdf-lib,
// fontkit and the builder stay out of the app's first download.
import { buildCareAssessmentPdf } from '../../documents/care-assessment-pdf.ts';
import type { Answers, FormDefinition } from '../../engine/types.ts';
import type { Language } from '../localize.ts';
import { carePdfFont } from './carePdfFont.ts';

export async function makeCarePdf(form: FormDefinition, answers: Answers, recordId: string, lang: Language): Promise<Blob> {
  const bytes = await buildCareAssessmentPdf(form, answers, { fontBytes: await carePdfFont(), generatedAt: new Date(), lang, recordId });
  return new Blob([bytes.slice()], { type: 'application/pdf' });
}
