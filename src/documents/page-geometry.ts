// The page and table geometry of the 調査票 document, in PDF points (A4 portrait; 1 mm ≈ 2.835 pt).

export const PAGE = { width: 595.28, height: 841.89 } as const;
export const MARGIN = { left: 36, right: 36, top: 46, bottom: 46 } as const;
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

export const SIZE = { body: 8.5, heading: 9.5, title: 13, chrome: 7.5 } as const;
/** Line pitch of body text, and the padding inside table cells. */
export const LINE = 12;
export const PAD_Y = 3.5;
export const PAD_X = 4;
export const HEADING_HEIGHT = 17;
export const TITLE_HEIGHT = 24;
/** Space before a section heading that does not start a page. */
export const HEADING_GAP = 6;

/** Column widths: item number, item label (基本調査); question label (概況調査); item label of a 特記事項. */
export const COLUMN = { number: 34, itemLabel: 118, fieldLabel: 132, noteLabel: 118 } as const;

/** Baseline of line `index` in a cell whose top edge is at `top`: glyphs centred in the line pitch (CJK em box ≈ 0.88 above the baseline). */
export function baselineY(top: number, index: number, size: number = SIZE.body): number {
  return top - PAD_Y - index * LINE - (LINE - size) / 2 - 0.88 * size;
}

/** Vertical centre of line `index` in a cell whose top edge is at `top` (where marks are drawn). */
export function lineCenterY(top: number, index: number): number {
  return top - PAD_Y - index * LINE - LINE / 2;
}

export function rowHeight(lines: number): number {
  return Math.max(1, lines) * LINE + 2 * PAD_Y;
}

/** Width a cell's text may wrap to: inside the padding, leaving room for one hanging punctuation mark (see wrap-text.ts). */
export function textWidthIn(cellWidth: number, size: number = SIZE.body): number {
  return cellWidth - 2 * PAD_X - size;
}
