// Lays a document model out on A4 pages: each part starts a page, a heading never ends a page alone,
// a long 特記事項 continues on the next page, and every page gets its header (form and record title, record id) and footer (time, page n / total).
import { blockRow, headingRow, NOTE_TEXT_WIDTH, noteRow, type Row } from './block-rows.ts';
import type { Block, DocumentModel, DocumentPart } from './document-model.ts';
import type { DocumentText } from './document-text.ts';
import type { DrawOp, PageDraw } from './draw-ops.ts';
import { COLUMN, CONTENT_WIDTH, HEADING_GAP, LINE, MARGIN, PAD_Y, PAGE, SIZE, textWidthIn, TITLE_HEIGHT } from './page-geometry.ts';
import { wrapText, type Measure } from './wrap-text.ts';

export interface LayoutOptions {
  measure: Measure;
  text: DocumentText;
  recordId: string;
  /** The generation time as printed in the footer. */
  generatedAt: string;
}

/** A note split across pages keeps at least this many lines on the page it starts on. */
const MIN_NOTE_LINES = 2;
const CONTENT_TOP = PAGE.height - MARGIN.top;

/** The pages of one part, with a cursor at the top of the free space of the last page. */
class PartPages {
  readonly pages: PageDraw[] = [];
  private ops: DrawOp[] = [];
  private top = 0;
  private startTop = 0;

  constructor(
    private readonly part: DocumentPart,
    private readonly text: DocumentText,
  ) {
    this.newPage();
  }

  get atPageStart(): boolean {
    return this.top === this.startTop;
  }

  /** Height left above the bottom margin. */
  get space(): number {
    return this.top - MARGIN.bottom;
  }

  newPage(): void {
    const continued = this.pages.length > 0;
    this.ops = [];
    this.pages.push({ ops: this.ops });
    const title = continued ? `${this.part.title}${this.text.continued}` : this.part.title;
    this.ops.push({ op: 'text', x: MARGIN.left, y: CONTENT_TOP - SIZE.title, size: continued ? SIZE.heading : SIZE.title, text: title, bold: true });
    this.top = CONTENT_TOP - TITLE_HEIGHT;
    this.startTop = this.top;
  }

  /** Starts a new page unless `height` fits (a page start always takes the row, so nothing loops). */
  reserve(height: number): void {
    if (height > this.space && !this.atPageStart) this.newPage();
  }

  gap(height: number): void {
    if (!this.atPageStart) this.top -= height;
  }

  place(row: Row): void {
    this.ops.push(...row.draw(this.top));
    this.top -= row.height;
  }
}

export function layoutPages(model: DocumentModel, options: LayoutOptions): PageDraw[] {
  const pages = model.parts.flatMap((part) => layoutPart(part, options));
  pages.forEach((page, i) => page.ops.push(...chrome(model, options, i + 1, pages.length)));
  return pages;
}

function layoutPart(part: DocumentPart, options: LayoutOptions): PageDraw[] {
  const pages = new PartPages(part, options.text);
  part.blocks.forEach((block, i) => {
    if (block.kind === 'heading') {
      const next = part.blocks[i + 1];
      // Keep the heading with (the start of) what follows it.
      const row = headingRow(block.text, options.measure);
      pages.reserve(HEADING_GAP + row.height + (next ? minimumHeight(next, options.measure) : 0));
      pages.gap(HEADING_GAP);
      pages.place(row);
    } else if (block.kind === 'note') {
      placeNote(pages, block, options);
    } else {
      const row = blockRow(block, options.measure);
      pages.reserve(row.height);
      pages.place(row);
    }
  });
  return pages.pages;
}

function minimumHeight(block: Block, measure: Measure): number {
  if (block.kind === 'heading') return 0;
  if (block.kind === 'note') return MIN_NOTE_LINES * LINE + 2 * PAD_Y;
  return blockRow(block, measure).height;
}

/** A 特記事項 row; when it does not fit, the lines that fit stay and the rest continues on the next page under 「（続き）」. */
function placeNote(pages: PartPages, note: Extract<Block, { kind: 'note' }>, { measure, text }: LayoutOptions): void {
  const number = note.number ? `（${note.number}）` : '';
  const label = wrapText(note.label, textWidthIn(COLUMN.noteLabel), SIZE.body, measure);
  let labelLines = [number, ...label].filter((l) => l !== '');
  let remaining = wrapText(note.text, NOTE_TEXT_WIDTH, SIZE.body, measure);
  for (let guard = 0; remaining.length > 0 && guard < 10_000; guard++) {
    const fits = Math.floor((pages.space - 2 * PAD_Y) / LINE);
    const needed = Math.max(remaining.length, labelLines.length);
    if (needed <= fits) {
      pages.place(noteRow(labelLines, remaining));
      return;
    }
    if (fits < MIN_NOTE_LINES && !pages.atPageStart) {
      pages.newPage();
      continue;
    }
    const take = Math.max(1, fits);
    pages.place(noteRow(labelLines.slice(0, take), remaining.slice(0, take)));
    remaining = remaining.slice(take);
    labelLines = [number, text.continued].filter((l) => l !== '');
    pages.newPage();
  }
}

function chrome(model: DocumentModel, { measure, text, recordId, generatedAt }: LayoutOptions, page: number, total: number): DrawOp[] {
  const right = MARGIN.left + CONTENT_WIDTH;
  const headerY = PAGE.height - 28;
  const footerY = 24;
  const recordText = `${text.recordId}: ${recordId}`;
  const pageText = text.page(page, total);
  const at = (s: string) => right - measure(s, SIZE.chrome);
  // Whose 調査票 this is, on every page, cut to the room the record id leaves.
  const room = CONTENT_WIDTH - measure(recordText, SIZE.chrome) - 16;
  const title = fitText(model.recordTitle ? `${model.title}\u3000${model.recordTitle}` : model.title, room, measure);
  return [
    { op: 'text', x: MARGIN.left, y: headerY, size: SIZE.chrome, text: title, muted: true },
    { op: 'text', x: at(recordText), y: headerY, size: SIZE.chrome, text: recordText, muted: true },
    { op: 'line', x1: MARGIN.left, y1: headerY - 5, x2: right, y2: headerY - 5 },
    { op: 'line', x1: MARGIN.left, y1: footerY + 10, x2: right, y2: footerY + 10 },
    { op: 'text', x: MARGIN.left, y: footerY, size: SIZE.chrome, text: `${text.generatedAt}: ${generatedAt}`, muted: true },
    { op: 'text', x: at(pageText), y: footerY, size: SIZE.chrome, text: pageText, muted: true },
  ];
}

/** `value` cut with "…" to at most `width` points at the header's size. */
function fitText(value: string, width: number, measure: Measure): string {
  if (measure(value, SIZE.chrome) <= width) return value;
  const chars = Array.from(value);
  while (chars.length > 0 && measure(`${chars.join('')}…`, SIZE.chrome) > width) chars.pop();
  return `${chars.join('')}…`;
}
