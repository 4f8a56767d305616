// Pure helpers for 特記事項 phrases: fill a template's number placeholders, put the item number in brackets first, and what of a note is worth saving.
//
// Template syntax: {n} or {n:2、3} — a frequency or amount. The example numbers (default "1") are inserted and
// their position returned, so the editor can select them for the assessor to type the real numbers over:
// 特記事項 give frequencies as numbers (「週2、3回」), never as 「ときどき」.

import { LEADING_ITEM_BRACKET } from '../../documents/care-assessment-form.ts';

export interface Range {
  start: number;
  end: number;
}

export interface FilledPhrase {
  text: string;
  /** Where each inserted example number is, in order. */
  numbers: Range[];
}

const PLACEHOLDER = /\{n(?::([^{}]{1,20}))?\}/g;
const DEFAULT_NUMBER = '1';

export function fillTemplate(template: string): FilledPhrase {
  const numbers: Range[] = [];
  let text = '';
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    text += template.slice(last, match.index);
    const example = match[1] ?? DEFAULT_NUMBER;
    numbers.push({ start: text.length, end: text.length + example.length });
    text += example;
    last = match.index + match[0].length;
  }
  return { text: text + template.slice(last), numbers };
}

/** 「（1-3）」: how a 特記事項 names its item. */
export function itemBracket(item: string): string {
  return `（${item}）`;
}

/** The item bracket a note starts with, in full- or half-width brackets ("(1-3)" too), or null. */
export function leadingItem(text: string): string | null {
  return LEADING_ITEM_BRACKET.exec(text)?.[1] ?? null;
}

const SENTENCE_END = /[。．.!?！？」）)]$/;

/**
 * The note after adding a phrase at its end: an empty note starts with the item bracket; a note that does not
 * start with it gets it in front (the rule of the テキスト) — replacing another item's; a sentence left open is closed with 「。」 first.
 * `select` is the first example number of the phrase, to select in the text box.
 */
export function insertPhrase(current: string, item: string, template: string): { text: string; select: Range | null } {
  const phrase = fillTemplate(template);
  let base = current.trimEnd();
  // The entry's item number decides: a bracket naming another item (the number was changed) is replaced.
  if (leadingItem(base) !== item) base = `${itemBracket(item)}${base.replace(LEADING_ITEM_BRACKET, '').trimStart()}`;
  if (base !== itemBracket(item) && !SENTENCE_END.test(base)) base += '。';
  const first = phrase.numbers[0];
  const select = first ? { start: base.length + first.start, end: base.length + first.end } : null;
  return { text: base + phrase.text, select };
}

/** The part of a note worth saving as the assessor's own phrase: without its leading item bracket, trimmed. */
export function phraseToSave(note: string): string {
  return note.replace(LEADING_ITEM_BRACKET, '').trim();
}

/** The 群 of an item number: "1-3" → "1", "6-4" → "6". */
export function itemGroup(item: string): string {
  return item.split('-')[0] ?? item;
}
