// Places an item's options inside its cell: side by side wrapping like the printed 調査票 ('inline'), or one per line in one or two columns ('list').
import type { OptionLayout, OptionMark } from './document-model.ts';
import { wrapText, type Measure } from './wrap-text.ts';

export interface PlacedOption {
  option: OptionMark;
  /** Line index (0 = first line of the cell) of the option's first text line. */
  line: number;
  /** x of the mark, from the cell's content start. */
  x: number;
  /** x where the text starts (after the mark). */
  textX: number;
  /** The option's text, wrapped when it does not fit on one line. */
  lines: string[];
}

export interface OptionFlow {
  lineCount: number;
  placed: PlacedOption[];
}

export interface FlowOptions {
  width: number;
  size: number;
  layout: OptionLayout;
  measure: Measure;
}

/** The printed text of an option: numbered codes as on the 調査票 (「1. できる」), then a chosen option's detail. */
export function optionText(option: OptionMark): string {
  const base = typeof option.code === 'number' ? `${option.code}. ${option.label}` : option.label;
  return option.detail ? `${base}：${option.detail}` : base;
}

/** Width taken by a mark and the gap after it. */
export function markWidth(size: number): number {
  return size * 0.9 + 3;
}

export function flowOptions(options: OptionMark[], { width, size, layout, measure }: FlowOptions): OptionFlow {
  return layout === 'inline' ? flowInline(options, width, size, measure) : flowList(options, width, size, measure);
}

function flowInline(options: OptionMark[], width: number, size: number, measure: Measure): OptionFlow {
  const mark = markWidth(size);
  const spacing = size * 1.4;
  const placed: PlacedOption[] = [];
  let line = 0;
  let x = 0;
  for (const option of options) {
    const text = optionText(option);
    const tokenWidth = mark + measure(text, size);
    if (x > 0 && x + tokenWidth > width) {
      line++;
      x = 0;
    }
    // Wrapped text leaves room for a hanging punctuation mark (wrap-text.ts).
    const lines = tokenWidth > width ? wrapText(text, width - mark - size, size, measure) : [text];
    placed.push({ option, line, x, textX: x + mark, lines });
    if (lines.length > 1) {
      // A wrapped option takes its lines; the next option starts on a fresh line.
      line += lines.length;
      x = 0;
    } else {
      x += tokenWidth + spacing;
    }
  }
  return { lineCount: x > 0 ? line + 1 : line, placed };
}

function flowList(options: OptionMark[], width: number, size: number, measure: Measure): OptionFlow {
  const mark = markWidth(size);
  const gutter = size;
  // Two columns when every option fits in half the width, as the 調査票 prints its service and facility lists.
  const half = (width - gutter) / 2;
  const columns = options.every((o) => mark + measure(optionText(o), size) <= half) ? 2 : 1;
  const columnWidth = columns === 2 ? half + gutter : width;
  const placed: PlacedOption[] = [];
  let line = 0;
  for (let start = 0; start < options.length; start += columns) {
    let rowLines = 1;
    options.slice(start, start + columns).forEach((option, column) => {
      const x = column * columnWidth;
      const lines = wrapText(optionText(option), (columns === 2 ? half : width) - mark - size, size, measure);
      placed.push({ option, line, x, textX: x + mark, lines });
      rowLines = Math.max(rowLines, lines.length);
    });
    line += rowLines;
  }
  return { lineCount: line, placed };
}
