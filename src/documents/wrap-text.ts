// Breaks text into lines that fit a width: Japanese may break between any two characters, Latin words stay whole,
// closing punctuation (、。）」 and small kana) never starts a line — it hangs at the end of the previous one — and an opening bracket never ends one.

/** Width of `text` at font size `size`, in points. */
export type Measure = (text: string, size: number) => number;

const NO_LINE_START = new Set([...'、。，．,.:;：；！？!?）)］]｝}」』】〕〉》ー～ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々ゝゞ・']);
const NO_LINE_END = new Set([...'（(［[｛{「『【〔〈《']);
const WORD_CHAR = /[A-Za-z0-9@#$%&*+\-_=/\\'"]/;

export function wrapText(text: string, width: number, size: number, measure: Measure): string[] {
  const lines: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').replace(/[\t\v\f]/g, ' ').split('\n')) lines.push(...wrapParagraph(paragraph, width, size, measure));
  return lines;
}

/** Where the line must break before `ch` so that it fits, as the part of `line` that moves down with `ch`; null: keep `ch` on this line. */
function carryBefore(line: string[], ch: string, overhanging: boolean): string[] | null {
  if (NO_LINE_START.has(ch)) {
    // One mark may hang past the edge; a second one takes the character before the marks down with it.
    if (!overhanging) return null;
    let start = line.length;
    while (start > 0 && NO_LINE_START.has(line[start - 1]!)) start--;
    return start > 1 ? line.splice(start - 1) : null;
  }
  if (WORD_CHAR.test(ch)) {
    // Inside a Latin word, the word's start moves to the next line when the line has an earlier break.
    let start = line.length;
    while (start > 0 && WORD_CHAR.test(line[start - 1]!)) start--;
    if (start > 0 && start < line.length) return line.splice(start);
  }
  // An opening bracket goes down with what it opens.
  if (line.length > 1 && NO_LINE_END.has(line[line.length - 1]!)) return line.splice(-1);
  return [];
}

function wrapParagraph(paragraph: string, width: number, size: number, measure: Measure): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  let lineWidth = 0;
  for (const ch of paragraph) {
    const w = measure(ch, size);
    const carry = line.length > 0 && lineWidth + w > width ? carryBefore(line, ch, lineWidth > width) : null;
    if (carry) {
      lines.push(line.join('').trimEnd());
      line = carry;
      lineWidth = carry.reduce((sum, c) => sum + measure(c, size), 0);
      if (ch === ' ' && line.length === 0) continue;
    }
    line.push(ch);
    lineWidth += w;
  }
  lines.push(line.join('').trimEnd());
  return lines;
}
