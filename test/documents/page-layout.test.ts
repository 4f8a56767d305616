// Page layout of the 調査票: parts start pages, filled marks are exactly the checked options, long 特記事項 continue on the next page, header and footer on every page.
import { describe, expect, it } from 'vitest';
import { careAssessmentModel } from '../../src/documents/care-assessment-model.ts';
import { itemRows, type DocumentModel } from '../../src/documents/document-model.ts';
import { documentText } from '../../src/documents/document-text.ts';
import type { DrawOp, PageDraw } from '../../src/documents/draw-ops.ts';
import { COLUMN, MARGIN, PAD_X, PAGE } from '../../src/documents/page-geometry.ts';
import { layoutPages } from '../../src/documents/page-layout.ts';
import { careForm, fullAnswers, validAnswers } from './care-fixtures.ts';

/** A full-width character is 1 em, an ASCII one half (close to Noto Sans JP). */
const measure = (text: string, size: number): number => [...text].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x80 ? 0.5 : 1), 0) * size;
const NOW = new Date('2025-04-01T03:00:00Z');
const model = (answers: Record<string, unknown>): DocumentModel => careAssessmentModel(careForm, answers, { lang: 'ja', now: NOW });
const layout = (m: DocumentModel): PageDraw[] => layoutPages(m, { measure, text: documentText('ja'), recordId: 'rec-1', generatedAt: '2025年4月1日 12:00' });
const texts = (page: PageDraw): string[] => page.ops.filter((o): o is Extract<DrawOp, { op: 'text' }> => o.op === 'text').map((o) => o.text);
const marks = (pages: PageDraw[]) => pages.flatMap((p) => p.ops.filter((o): o is Extract<DrawOp, { op: 'mark' }> => o.op === 'mark'));

describe('layoutPages', () => {
  it('starts each part on a new page with its title', () => {
    const pages = layout(model(validAnswers));
    const firstTitles = pages.map((p) => texts(p).find((t) => t.startsWith('認定調査票')));
    expect(firstTitles.filter((t) => t && !t.endsWith('（続き）'))).toEqual(['認定調査票（概況調査）', '認定調査票（基本調査）', '認定調査票（特記事項）']);
    expect(pages.length).toBeGreaterThan(3);
  });

  it('draws one mark per option of every item, filled exactly for the chosen codes', () => {
    const m = model(fullAnswers);
    const drawn = marks(layout(m));
    for (const row of itemRows(m)) {
      const own = drawn.filter((d) => d.owner === row.number);
      expect(own.map((d) => d.code), row.number).toEqual(row.options.map((o) => o.code));
      expect(own.filter((d) => d.checked).map((d) => d.code), row.number).toEqual(row.options.filter((o) => o.checked).map((o) => o.code));
      expect(new Set(own.map((d) => d.shape)), row.number).toEqual(new Set([row.multiple ? 'square' : 'circle']));
    }
  });

  it('keeps everything inside the page margins, long 特記事項 lines included', () => {
    for (const page of layout(model(fullAnswers))) {
      for (const op of page.ops) {
        if (op.op === 'text' || op.op === 'mark') {
          expect(op.y).toBeGreaterThan(MARGIN.bottom / 2);
          expect(op.y).toBeLessThan(PAGE.height - MARGIN.top / 2);
          expect(op.x).toBeGreaterThanOrEqual(MARGIN.left);
        }
        if (op.op === 'rect') expect(op.x + op.width).toBeLessThanOrEqual(PAGE.width - MARGIN.right + 0.01);
        // Text (hanging punctuation included) ends inside the table's right border.
        if (op.op === 'text') expect(op.x + measure(op.text, op.size), op.text).toBeLessThanOrEqual(PAGE.width - MARGIN.right);
      }
    }
  });

  it('continues a long 特記事項 on the next page under 「（続き）」 without losing a character', () => {
    // Three notes of 2,000 characters are longer than a page: at least one must continue on the next.
    const long = (item: string) => ({ tokki_item: item, tokki_text: `（${item}）${'夜間は0時と3時の2回、ポータブルトイレを使用し、妻が後始末をしている。'.repeat(60)}`.slice(0, 2000) });
    const m = model({ ...validAnswers, tokki: [long('2-5'), long('2-6'), long('4-12')] });
    const pages = layout(m);
    const notePages = pages.filter((p) => texts(p).some((t) => t.startsWith('認定調査票（特記事項）')));
    expect(notePages.length).toBeGreaterThan(1);
    const continuedLabels = notePages.slice(1).flatMap(texts).filter((t) => t === '（続き）');
    expect(continuedLabels.length).toBeGreaterThan(0);
    const textColumnX = MARGIN.left + COLUMN.noteLabel + PAD_X;
    const printed = notePages.flatMap((p) => p.ops).filter((o) => o.op === 'text' && Math.abs(o.x - textColumnX) < 0.01).map((o) => (o as { text: string }).text).join('');
    // Every character but the note's own 「（2-5）」, which the label column prints once.
    for (const item of ['2-5', '2-6', '4-12']) {
      expect(printed).toContain(long(item).tokki_text.slice(`（${item}）`.length));
      expect(printed).not.toContain(`（${item}）`);
    }
  });

  it('prints the header (form and record title, record id) and footer (generation time, page n / total) on every page', () => {
    const pages = layout(model({ ...validAnswers, case_number: 'R7-0042' }));
    pages.forEach((page, i) => {
      expect(texts(page)).toEqual(expect.arrayContaining([
        '要介護認定 認定調査票　見本 花子 ・ 申請番号 R7-0042 ・ 調査日 2025-03-28', '記録ID: rec-1', '作成日時: 2025年4月1日 12:00', `${i + 1} / ${pages.length} ページ`,
      ]));
    });
  });
});
