// One block as a table row of known height that draws itself at a given top: label/value rows, choice rows, 基本調査 item rows, headings, note rows.
import type { Block } from './document-model.ts';
import type { DrawOp } from './draw-ops.ts';
import { flowOptions, type OptionFlow } from './option-flow.ts';
import {
  baselineY, COLUMN, CONTENT_WIDTH, HEADING_HEIGHT, lineCenterY, LINE, MARGIN, PAD_X, rowHeight, SIZE, textWidthIn,
} from './page-geometry.ts';
import { wrapText, type Measure } from './wrap-text.ts';

export interface Row {
  height: number;
  draw(top: number): DrawOp[];
}

interface Cell {
  width: number;
  fill?: 'label';
  /** Height in lines of the content. */
  lines: number;
  draw(x: number, top: number): DrawOp[];
}

const LEFT = MARGIN.left;

function textCell(width: number, lines: string[], fill?: 'label'): Cell {
  return {
    width,
    ...(fill ? { fill } : {}),
    lines: lines.length,
    draw: (x, top) => lines.map((text, i): DrawOp => ({ op: 'text', x: x + PAD_X, y: baselineY(top, i), size: SIZE.body, text })),
  };
}

interface OptionsCellInput {
  width: number;
  /** Item number or question label the marks belong to. */
  owner: string;
  multiple: boolean;
  flow: OptionFlow;
  measure: Measure;
}

function optionsCell(input: OptionsCellInput): Cell {
  return { width: input.width, lines: input.flow.lineCount, draw: (x, top) => optionOps(x + PAD_X, top, input) };
}

/** Marks (filled when chosen; circle for one answer, square for several) and option texts; a chosen option also sits on a shaded band. */
function optionOps(x: number, top: number, { owner, multiple, flow, measure }: OptionsCellInput): DrawOp[] {
  const ops: DrawOp[] = [];
  const size = SIZE.body * 0.9;
  for (const placed of flow.placed) {
    if (placed.option.checked) {
      placed.lines.forEach((text, i) => {
        const bandWidth = placed.textX - placed.x + measure(text, SIZE.body) + 3;
        ops.push({ op: 'rect', x: x + placed.x - 1.5, y: lineCenterY(top, placed.line + i) - LINE / 2 + 1, width: bandWidth, height: LINE - 2, fill: 'shade' });
      });
    }
    ops.push({
      op: 'mark', x: x + placed.x + size / 2, y: lineCenterY(top, placed.line), size, shape: multiple ? 'square' : 'circle',
      checked: placed.option.checked, owner, code: placed.option.code,
    });
    placed.lines.forEach((text, i) => ops.push({ op: 'text', x: x + placed.textX, y: baselineY(top, placed.line + i), size: SIZE.body, text }));
  }
  return ops;
}

function frame(cells: Cell[], top: number, height: number): DrawOp[] {
  const ops: DrawOp[] = [];
  let x = LEFT;
  for (const cell of cells) {
    ops.push({ op: 'rect', x, y: top - height, width: cell.width, height, stroke: true, ...(cell.fill ? { fill: cell.fill } : {}) });
    ops.push(...cell.draw(x, top));
    x += cell.width;
  }
  return ops;
}

function tableRow(cells: Cell[]): Row {
  const height = rowHeight(Math.max(...cells.map((c) => c.lines)));
  return { height, draw: (top) => frame(cells, top, height) };
}

const wrap = (text: string, cellWidth: number, measure: Measure): string[] => wrapText(text, textWidthIn(cellWidth), SIZE.body, measure);

/** A section title on a shaded band; a title longer than the page width wraps (概況調査 Ⅳ has a long one). */
export function headingRow(text: string, measure: Measure): Row {
  const pitch = SIZE.heading + 3.5;
  const lines = wrapText(text, textWidthIn(CONTENT_WIDTH, SIZE.heading), SIZE.heading, measure);
  const height = Math.max(HEADING_HEIGHT, lines.length * pitch + 4);
  const firstBaseline = (top: number) => top - (HEADING_HEIGHT - SIZE.heading) / 2 - 0.88 * SIZE.heading;
  return {
    height,
    draw: (top) => [
      { op: 'rect', x: LEFT, y: top - height, width: CONTENT_WIDTH, height, fill: 'heading', stroke: true },
      ...lines.map((line, i): DrawOp => ({ op: 'text', x: LEFT + PAD_X, y: firstBaseline(top) - i * pitch, size: SIZE.heading, text: line, bold: true })),
    ],
  };
}

/** A row for every block but headings and notes (those paginate specially). */
export function blockRow(block: Exclude<Block, { kind: 'heading' | 'note' }>, measure: Measure): Row {
  switch (block.kind) {
    case 'field': {
      const valueWidth = CONTENT_WIDTH - COLUMN.fieldLabel;
      return tableRow([textCell(COLUMN.fieldLabel, wrap(block.label, COLUMN.fieldLabel, measure), 'label'), textCell(valueWidth, wrap(block.value, valueWidth, measure))]);
    }
    case 'choice': {
      const width = CONTENT_WIDTH - COLUMN.fieldLabel;
      const flow = flowOptions(block.options, { width: width - 2 * PAD_X, size: SIZE.body, layout: block.layout, measure });
      return tableRow([
        textCell(COLUMN.fieldLabel, wrap(block.label, COLUMN.fieldLabel, measure), 'label'),
        optionsCell({ width, owner: block.label, multiple: block.multiple, flow, measure }),
      ]);
    }
    case 'item': {
      const width = CONTENT_WIDTH - COLUMN.number - COLUMN.itemLabel;
      const flow = flowOptions(block.options, { width: width - 2 * PAD_X, size: SIZE.body, layout: block.layout, measure });
      return tableRow([
        textCell(COLUMN.number, [block.number], 'label'),
        textCell(COLUMN.itemLabel, wrap(block.label, COLUMN.itemLabel, measure), 'label'),
        optionsCell({ width, owner: block.number, multiple: block.multiple, flow, measure }),
      ]);
    }
    case 'text': {
      const lines = wrapText(block.text, CONTENT_WIDTH - SIZE.body, SIZE.body, measure);
      return { height: rowHeight(lines.length), draw: (top) => lines.map((text, i): DrawOp => ({ op: 'text', x: LEFT, y: baselineY(top, i), size: SIZE.body, text })) };
    }
  }
}

/** A 特記事項 row (or a slice of one when it continues on the next page): item number and label on the left, the text lines on the right. */
export function noteRow(labelLines: string[], textLines: string[]): Row {
  return tableRow([textCell(COLUMN.noteLabel, labelLines, 'label'), textCell(CONTENT_WIDTH - COLUMN.noteLabel, textLines)]);
}

/** Width available to a 特記事項's text lines (the layout wraps them before splitting across pages). */
export const NOTE_TEXT_WIDTH = textWidthIn(CONTENT_WIDTH - COLUMN.noteLabel);
