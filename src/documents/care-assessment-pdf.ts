// The 認定調査票 as an A4 PDF (tablet and server alike): definition + answers → document model → pages → pdf-lib with an embedded Japanese font subset.
// Framework-free; the caller supplies the font bytes (the tablet fetches its own copy, the server reads node_modules).
import { PDFDocument, type PDFFont } from 'pdf-lib';
import type { Answers, FormDefinition } from '../engine/types.ts';
import { cachedFontkit } from './cached-fontkit.ts';
import { CARE_ASSESSMENT_FORM_ID } from './care-assessment-form.ts';
import { careAssessmentModel } from './care-assessment-model.ts';
import { DocumentError } from './document-error.ts';
import { documentText, type DocumentLanguage, type DocumentText } from './document-text.ts';
import { layoutPages } from './page-layout.ts';
import { drawPages } from './render-pdf.ts';
import type { Measure } from './wrap-text.ts';

export interface CarePdfOptions {
  /** A TrueType font with Japanese glyphs (Noto Sans JP Regular). Pass the same Uint8Array again to skip re-parsing it. */
  fontBytes: Uint8Array;
  /** For titles and headings; the regular font is used when absent. */
  boldFontBytes?: Uint8Array;
  generatedAt: Date;
  lang: DocumentLanguage;
  /** Printed in every page header. */
  recordId: string;
  /** Zone the generation time is printed in (default Asia/Tokyo: the same text from the tablet and the server). */
  timeZone?: string;
}

export async function buildCareAssessmentPdf(definition: FormDefinition, answers: Answers, options: CarePdfOptions): Promise<Uint8Array> {
  if (definition.id !== CARE_ASSESSMENT_FORM_ID) throw new DocumentError('E_DOCUMENT_FORM', `form ${definition.id} is not ${CARE_ASSESSMENT_FORM_ID}`);
  const text = documentText(options.lang);
  const model = careAssessmentModel(definition, answers, { lang: options.lang, now: options.generatedAt });

  const doc = await PDFDocument.create();
  doc.registerFontkit(cachedFontkit);
  const regular = await embed(doc, options.fontBytes);
  const bold = options.boldFontBytes ? await embed(doc, options.boldFontBytes) : regular;
  const generatedAt = formatGeneratedAt(options.generatedAt, options.timeZone ?? 'Asia/Tokyo', text);
  const pages = layoutPages(model, { measure: fontMeasure(regular), text, recordId: options.recordId, generatedAt });
  drawPages(doc, pages, { regular, bold });

  doc.setTitle(model.recordTitle ? `${model.title} ${model.recordTitle}` : `${model.title} ${options.recordId}`);
  doc.setLanguage(options.lang === 'ja' ? 'ja-JP' : 'en');
  doc.setCreator('Genba');
  doc.setProducer('Genba (pdf-lib)');
  doc.setCreationDate(options.generatedAt);
  doc.setModificationDate(options.generatedAt);
  return doc.save();
}

async function embed(doc: PDFDocument, bytes: Uint8Array): Promise<PDFFont> {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) throw new DocumentError('E_DOCUMENT_FONT', 'no font bytes');
  try {
    // Subset: only the glyphs used are embedded (a few hundred kB instead of 5 MB).
    return await doc.embedFont(bytes, { subset: true });
  } catch (error) {
    throw new DocumentError('E_DOCUMENT_FONT', `the font cannot be read: ${(error as Error).message}`);
  }
}

/** Text width from per-character advances, cached per character (layout wraps character by character). */
function fontMeasure(font: PDFFont): Measure {
  const unit = new Map<string, number>();
  return (value, size) => {
    let width = 0;
    for (const ch of value) {
      let w = unit.get(ch);
      if (w === undefined) {
        w = font.widthOfTextAtSize(ch, 1);
        unit.set(ch, w);
      }
      width += w;
    }
    return width * size;
  };
}

function formatGeneratedAt(at: Date, timeZone: string, text: DocumentText): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${text.date(part('year'), part('month'), part('day'))} ${part('hour')}:${part('minute')}`;
}
