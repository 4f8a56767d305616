// Draws laid-out pages with pdf-lib: text in the embedded Japanese font, table cells, shaded bands and the option marks.
import { grayscale, type PDFFont, type PDFDocument, type PDFPage } from 'pdf-lib';
import type { DrawOp, PageDraw } from './draw-ops.ts';
import { PAGE } from './page-geometry.ts';

export interface RenderFonts {
  regular: PDFFont;
  /** Headings and titles; the regular font when no bold one was given. */
  bold: PDFFont;
}

const INK = grayscale(0);
const MUTED = grayscale(0.35);
const RULE = grayscale(0.3);
const FILL = { heading: grayscale(0.86), label: grayscale(0.95), shade: grayscale(0.84) } as const;
const STROKE_WIDTH = 0.5;

export function drawPages(doc: PDFDocument, pages: PageDraw[], fonts: RenderFonts): void {
  for (const page of pages) {
    const pdfPage = doc.addPage([PAGE.width, PAGE.height]);
    for (const op of page.ops) drawOp(pdfPage, op, fonts);
  }
}

function drawOp(page: PDFPage, op: DrawOp, fonts: RenderFonts): void {
  switch (op.op) {
    case 'text':
      page.drawText(op.text, { x: op.x, y: op.y, size: op.size, font: op.bold ? fonts.bold : fonts.regular, color: op.muted ? MUTED : INK });
      return;
    case 'rect':
      page.drawRectangle({
        x: op.x, y: op.y, width: op.width, height: op.height,
        ...(op.fill ? { color: FILL[op.fill] } : {}),
        ...(op.stroke ? { borderColor: RULE, borderWidth: STROKE_WIDTH } : {}),
      });
      return;
    case 'line':
      page.drawLine({ start: { x: op.x1, y: op.y1 }, end: { x: op.x2, y: op.y2 }, thickness: STROKE_WIDTH, color: RULE });
      return;
    case 'mark': {
      // A chosen option is a filled mark, not only a different weight: readable on a black-and-white copy.
      const fill = op.checked ? { color: INK } : {};
      if (op.shape === 'circle') page.drawCircle({ x: op.x, y: op.y, size: op.size / 2, borderColor: INK, borderWidth: 0.7, ...fill });
      else page.drawRectangle({ x: op.x - op.size / 2, y: op.y - op.size / 2, width: op.size, height: op.size, borderColor: INK, borderWidth: 0.7, ...fill });
      return;
    }
  }
}
