// The printable document as pure data: parts (each starts a page), blocks of label/value rows, item rows with every option and its checked flag, notes.
//
// The model says WHAT is printed; page-layout.ts decides WHERE (and splits across pages); render-pdf.ts draws it.
// Tests check the model directly (e.g. that exactly the chosen codes are checked), without a PDF in between.

/** One option as printed: its code, its text, whether it was chosen, and an optional detail (a count, a reason). */
export interface OptionMark {
  code: string | number;
  label: string;
  checked: boolean;
  /** Printed after the option when it is checked, e.g. "8 回/月" or the place name of 「自宅外」. */
  detail?: string;
}

/** How an option list is printed: side by side, wrapping (short options), or one option per line (long or many). */
export type OptionLayout = 'inline' | 'list';

export type Block =
  /** A section title, e.g. 「基本調査 第1群 身体機能・起居動作」. */
  | { kind: 'heading'; text: string }
  /** A label and its typed value (text, date, number); an empty value prints as a blank to fill. */
  | { kind: 'field'; label: string; value: string }
  /** A labelled choice question of the 概況調査 (実施場所, 性別…) with every option marked or not. */
  | { kind: 'choice'; label: string; multiple: boolean; layout: OptionLayout; options: OptionMark[] }
  /** One 基本調査 item: its official number, its label without the number, every option. */
  | { kind: 'item'; number: string; label: string; multiple: boolean; layout: OptionLayout; options: OptionMark[] }
  /** One 特記事項 entry: the item number it belongs to, that item's label, the assessor's text (may be long). */
  | { kind: 'note'; number: string; label: string; text: string }
  /** A line of plain text (e.g. 「特記事項はありません」). */
  | { kind: 'text'; text: string };

/** A part of the document (概況調査, 基本調査, 特記事項); every part starts on a new page. */
export interface DocumentPart {
  title: string;
  blocks: Block[];
}

export interface DocumentModel {
  /** The form's title, printed in every page header. */
  title: string;
  /** The record's title and subtitle (engine recordTitle: 氏名 ・ 申請番号 ・ 調査日), printed beside it; '' when empty. */
  recordTitle: string;
  parts: DocumentPart[];
}

/** Every item row of a model, in order (tests and callers that look for one item). */
export function itemRows(model: DocumentModel): Extract<Block, { kind: 'item' }>[] {
  return model.parts.flatMap((part) => part.blocks.filter((b): b is Extract<Block, { kind: 'item' }> => b.kind === 'item'));
}
