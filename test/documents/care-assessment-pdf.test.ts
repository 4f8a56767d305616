// The 調査票 PDF read back: A4 pages, the Japanese font embedded as a subset whose glyphs match the original, and the text a reader sees.
import fontkit from '@pdf-lib/fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCareAssessmentPdf, type CarePdfOptions } from '../../src/documents/care-assessment-pdf.ts';
import { DocumentError } from '../../src/documents/document-error.ts';
import type { Answers } from '../../src/engine/index.ts';
import { careForm, fontBytes, fullAnswers, validAnswers } from './care-fixtures.ts';
import { inspectPdf, type InspectedPdf } from './pdf-inspect.ts';

const A4 = { width: 595.28, height: 841.89 };
const options: CarePdfOptions = {
  fontBytes, generatedAt: new Date('2025-04-01T03:00:00Z'), lang: 'ja', recordId: '0195f0c2-7a3b-7cc4-9a51-5a0c1f2e3d4b',
};
const build = (answers: Answers, extra: Partial<CarePdfOptions> = {}) => buildCareAssessmentPdf(careForm, answers, { ...options, ...extra });

let valid: InspectedPdf;
let full: InspectedPdf;
let english: InspectedPdf;

beforeAll(async () => {
  valid = await inspectPdf(await build(validAnswers));
  full = await inspectPdf(await build(fullAnswers));
  english = await inspectPdf(await build(validAnswers, { lang: 'en' }));
}, 60_000);

const allLines = (pdf: InspectedPdf): string[] => pdf.pages.flatMap((p) => p.lines);

/** Reads the embedded subset back and compares each glyph with the original font's glyph for the same character: identical outline and width. */
function expectOriginalGlyphs(pdf: InspectedPdf): void {
  const subset = fontkit.create(pdf.fontFiles[0]!);
  const original = fontkit.create(fontBytes);
  expect(pdf.toUnicode.size).toBeGreaterThan(50);
  for (const [cid, text] of pdf.toUnicode) {
    const expected = original.glyphForCodePoint(text.codePointAt(0)!);
    const actual = subset.getGlyph(cid);
    expect(`${actual.advanceWidth} ${actual.path.toSVG()}`, `${text} (cid ${cid})`).toBe(`${expected.advanceWidth} ${expected.path.toSVG()}`);
  }
}

describe('buildCareAssessmentPdf', () => {
  it('makes several A4 portrait pages', () => {
    for (const pdf of [valid, full]) {
      expect(pdf.pages.length).toBeGreaterThan(1);
      for (const page of pdf.pages) {
        expect(page.width).toBeCloseTo(A4.width, 1);
        expect(page.height).toBeCloseTo(A4.height, 1);
      }
    }
    expect(full.pages.length).toBeGreaterThan(valid.pages.length);
    // The document's title names whose 調査票 it is (the form's recordTitle), not a record id.
    expect(full.title).toBe('要介護認定 認定調査票 見本 次郎 ・ 調査日 2025-03-28');
  });

  it('embeds one TrueType subset of the Japanese font, far smaller than the font', () => {
    for (const pdf of [valid, full, english]) {
      expect(pdf.fontFiles).toHaveLength(1);
      expect(pdf.fontFiles[0]!.length).toBeLessThan(fontBytes.length / 10);
    }
  });

  // A subset whose glyph data stays under 64 KB (the English PDF) is written with short loca offsets: the case
  // where @pdf-lib/fontkit shifts glyphs after an odd-length one (src/documents/cached-fontkit.ts).
  it.each([['Japanese, large subset', () => full], ['English, small subset', () => english]] as const)('%s: every glyph drawn is the original glyph', (_, pdf) => {
    expectOriginalGlyphs(pdf());
  });

  it('prints the 概況調査 answers, the item labels with all options, and the 特記事項 text', () => {
    const lines = allLines(valid);
    expect(lines).toEqual(expect.arrayContaining(['認定調査票（概況調査）', '見本 花子', '2025年3月28日 10:00', '寝返り', '1. つかまらないでできる', '2. 何かにつかまればできる', '3. できない']));
    expect(lines).toEqual(expect.arrayContaining(['認定調査票（特記事項）', '（1-2）', '右肩関節に拘縮があり、腕を肩の高さまで上げられない。']));
    // The item number is printed once, in the label column: the note's own leading 「(1-2)」 is not repeated.
    expect(lines.filter((line) => line.includes('(1-2)') || line.includes('（1-2）'))).toEqual(['（1-2）']);
    expect(lines).toContain('要介護認定 認定調査票　見本 花子 ・ 調査日 2025-03-28');
    expect(lines).toContain(`記録ID: ${options.recordId}`);
    expect(lines).toContain('作成日時: 2025年4月1日 12:00');
    expect(lines).toContain(`1 / ${valid.pages.length} ページ`);
  });

  it('keeps a long 特記事項 whole across pages (the continued part is marked 「（続き）」)', () => {
    const lines = allLines(full);
    expect(lines).toContain('（続き）');
    const joined = lines.join('');
    for (const entry of fullAnswers.tokki as { tokki_text: string }[]) {
      const withoutOwnNumber = entry.tokki_text.replace(/^\s*[（(]\s*\d+(?:-\d+)?\s*[）)]/, '');
      expect(joined.replace(/\s/g, '')).toContain(withoutOwnNumber.slice(0, 60).replace(/\s/g, ''));
    }
  });

  it('prints in English when asked', () => {
    expect(allLines(english)).toEqual(expect.arrayContaining(['Certification survey (basic survey)', 'Rolling over', '1. Can do without holding on']));
  });

  it('refuses another form and unusable font bytes with coded errors', async () => {
    await expect(buildCareAssessmentPdf({ ...careForm, id: 'field-check' }, validAnswers, options)).rejects.toMatchObject({ code: 'E_DOCUMENT_FORM' });
    await expect(build(validAnswers, { fontBytes: new Uint8Array([1, 2, 3, 4]) })).rejects.toBeInstanceOf(DocumentError);
    await expect(build(validAnswers, { fontBytes: new Uint8Array() })).rejects.toMatchObject({ code: 'E_DOCUMENT_FONT' });
  });
});
