// 認定調査票 as a document model: 概況調査 from the overview sections, 基本調査 (群1–5, 特別な医療, 自立度) as item rows with every option, 特記事項 in item order.
//
// Everything printed is read from the definition (section titles, labels, choices) and the answers; the only
// things this file knows about the form are the field ids in care-assessment-form.ts. Relevance comes from the
// engine, so a hidden question (前回認定日 for a first certification) is not printed.
import { FormSession, recordTitle } from '../engine/index.ts';
import { localized } from '../engine/localize.ts';
import type { Answers, Choice, FieldDefinition, FormDefinition, SectionDefinition } from '../engine/types.ts';
import { ITEM_NUMBER, LEADING_ITEM_BRACKET, TOKKI } from './care-assessment-form.ts';
import { DocumentError } from './document-error.ts';
import type { Block, DocumentModel, DocumentPart, OptionLayout, OptionMark } from './document-model.ts';
import { documentText, type DocumentLanguage, type DocumentText } from './document-text.ts';
import { formatValue } from './format-value.ts';

export interface ModelOptions {
  lang: DocumentLanguage;
  /** The clock for calculated answers (age) — the generation time. */
  now: Date;
}

/** More options than this, or one option longer than LONG_OPTION characters, print one per line. */
const INLINE_MAX_OPTIONS = 8;
const LONG_OPTION = 24;

interface Context {
  form: FormDefinition;
  session: FormSession;
  lang: DocumentLanguage;
  text: DocumentText;
}

export function careAssessmentModel(form: FormDefinition, answers: Answers, options: ModelOptions): DocumentModel {
  let session: FormSession;
  try {
    // No defaults: the document shows what the assessor entered, nothing the form would pre-fill.
    session = new FormSession(form, answers, { now: options.now, applyDefaults: false });
  } catch (error) {
    throw new DocumentError('E_DOCUMENT_FORM', `the definition does not compile: ${(error as Error).message}`);
  }
  const ctx: Context = { form, session, lang: options.lang, text: documentText(options.lang) };
  const notesSection = form.sections.find((s) => s.fields.some((f) => f.id === TOKKI.repeat));
  if (!notesSection) throw new DocumentError('E_DOCUMENT_FORM', `form ${form.id} has no 特記事項 repeat "${TOKKI.repeat}"`);
  const itemSections = form.sections.filter((s) => s !== notesSection && isItemSection(s));
  const overviewSections = form.sections.filter((s) => s !== notesSection && !itemSections.includes(s));

  const parts: DocumentPart[] = [
    { title: ctx.text.overviewPart, blocks: overviewSections.flatMap((s) => [heading(ctx, s), ...fieldBlocks(ctx, s.fields, '')]) },
    { title: ctx.text.basicPart, blocks: itemSections.flatMap((s) => [heading(ctx, s), ...s.fields.flatMap((f) => itemBlock(ctx, f))]) },
    { title: ctx.text.notesPart, blocks: noteBlocks(ctx, itemSections) },
  ];
  const { title, subtitle } = recordTitle(form, answers, { now: options.now });
  return { title: localized(form.title, options.lang), recordTitle: [title, subtitle].filter((t) => t !== '').join(' ・ '), parts };
}

/** A 基本調査 section: every answerable field is named by an official item number. */
function isItemSection(section: SectionDefinition): boolean {
  const answerable = section.fields.filter((f) => f.type !== 'note' && f.calculate === undefined);
  return answerable.length > 0 && answerable.every((f) => ITEM_NUMBER.test(f.id));
}

function heading(ctx: Context, section: SectionDefinition): Block {
  return { kind: 'heading', text: localized(section.title, ctx.lang) };
}

function choicesOf(ctx: Context, field: FieldDefinition): Choice[] {
  return field.choices ?? (field.choiceList ? (ctx.form.choiceLists?.[field.choiceList] ?? []) : []);
}

function isSelect(field: FieldDefinition): boolean {
  return field.type === 'select_one' || field.type === 'select_multiple';
}

function isChecked(field: FieldDefinition, value: unknown, choice: Choice): boolean {
  if (field.type === 'select_multiple') return Array.isArray(value) && value.some((v) => v === choice.value);
  return value === choice.value;
}

function optionLayout(options: OptionMark[]): OptionLayout {
  return options.length > INLINE_MAX_OPTIONS || options.some((o) => o.label.length > LONG_OPTION) ? 'list' : 'inline';
}

/** "1-3 寝返り" → "寝返り": the number is printed in its own column. */
function labelWithoutNumber(label: string, number: string): string {
  return label.startsWith(`${number} `) || label.startsWith(`${number}\u3000`) ? label.slice(number.length + 1) : label;
}

function joinPath(prefix: string, id: string): string {
  return prefix ? `${prefix}.${id}` : id;
}

// ── 概況調査 ─────────────────────────────────────────────────────────────

/**
 * Fields printed inside another field's options rather than on their own: the reason field of a
 * requiresReason choice (実施場所 → 場所名) and a field shown only for one option of a multiple select
 * (`relevant: selected(${home_services}, 'day_service')` → the count printed next to 通所介護).
 */
function optionDetails(ctx: Context, fields: FieldDefinition[]): { skip: Set<string>; detailOf: Map<string, Map<string, FieldDefinition>> } {
  const skip = new Set<string>();
  const detailOf = new Map<string, Map<string, FieldDefinition>>();
  for (const field of fields) {
    if (!isSelect(field)) continue;
    const details = new Map<string, FieldDefinition>();
    const reasonId = choicesOf(ctx, field).some((c) => c.requiresReason) ? (field.reasonField ?? `${field.id}_reason`) : null;
    for (const other of fields) {
      if (other.id === reasonId) {
        for (const choice of choicesOf(ctx, field).filter((c) => c.requiresReason)) details.set(String(choice.value), other);
        skip.add(other.id);
      }
      const only = /^selected\(\$\{([^}]+)\},\s*'([^']*)'\)$/.exec(other.relevant?.trim() ?? '');
      if (only && only[1] === field.id && field.type === 'select_multiple') {
        details.set(only[2]!, other);
        skip.add(other.id);
      }
    }
    if (details.size > 0) detailOf.set(field.id, details);
  }
  return { skip, detailOf };
}

function fieldBlocks(ctx: Context, fields: FieldDefinition[], prefix: string, labelPrefix = ''): Block[] {
  const { skip, detailOf } = optionDetails(ctx, fields);
  const blocks: Block[] = [];
  for (const field of fields) {
    if (skip.has(field.id) || field.type === 'note') continue;
    const path = joinPath(prefix, field.id);
    const state = ctx.session.field(path);
    if (!state.relevant) continue;
    const label = `${labelPrefix}${localized(field.label, ctx.lang)}`;
    if (field.type === 'group') {
      blocks.push(...fieldBlocks(ctx, field.fields ?? [], path, `${label}：`));
    } else if (field.type === 'repeat') {
      const count = ctx.session.repeatCount(path);
      for (let i = 0; i < count; i++) blocks.push(...fieldBlocks(ctx, field.fields ?? [], `${path}[${i}]`, `${label} ${i + 1}：`));
    } else if (isSelect(field)) {
      const details = detailOf.get(field.id);
      const options = choicesOf(ctx, field).map((choice): OptionMark => {
        const checked = isChecked(field, state.value, choice);
        const detailField = details?.get(String(choice.value));
        const detail = checked && detailField ? formatValue(detailField, ctx.session.field(joinPath(prefix, detailField.id)).value, ctx.text) : '';
        return { code: choice.value, label: localized(choice.label, ctx.lang), checked, ...(detail ? { detail } : {}) };
      });
      blocks.push({ kind: 'choice', label, multiple: field.type === 'select_multiple', layout: optionLayout(options), options });
    } else {
      blocks.push({ kind: 'field', label, value: formatValue(field, state.value, ctx.text) });
    }
  }
  return blocks;
}

// ── 基本調査 ─────────────────────────────────────────────────────────────

function itemBlock(ctx: Context, field: FieldDefinition): Block[] {
  if (field.type === 'note') return [];
  const state = ctx.session.field(field.id);
  if (!state.relevant) return [];
  const label = labelWithoutNumber(localized(field.label, ctx.lang), field.id);
  if (!isSelect(field)) return [{ kind: 'field', label: `${field.id} ${label}`, value: formatValue(field, state.value, ctx.text) }];
  const options = choicesOf(ctx, field).map((choice): OptionMark => ({
    code: choice.value,
    label: localized(choice.label, ctx.lang),
    checked: isChecked(field, state.value, choice),
  }));
  return [{ kind: 'item', number: field.id, label, multiple: field.type === 'select_multiple', layout: optionLayout(options), options }];
}

// ── 特記事項 ─────────────────────────────────────────────────────────────

interface NoteEntry {
  number: string;
  text: string;
  order: number;
  index: number;
}

/** The 特記事項 entries in item order (entries of one item keep the order they were written), under their section's title. */
function noteBlocks(ctx: Context, itemSections: SectionDefinition[]): Block[] {
  const repeat = ctx.form.sections.flatMap((s) => s.fields).find((f) => f.id === TOKKI.repeat);
  const itemField = repeat?.fields?.find((f) => f.id === TOKKI.item);
  const itemChoices = itemField ? choicesOf(ctx, itemField) : [];
  const order = new Map(itemChoices.map((c, i) => [String(c.value), i]));
  const entries: NoteEntry[] = [];
  const count = ctx.session.repeatCount(TOKKI.repeat);
  for (let index = 0; index < count; index++) {
    const number = ctx.session.field(`${TOKKI.repeat}[${index}].${TOKKI.item}`).value;
    const text = ctx.session.field(`${TOKKI.repeat}[${index}].${TOKKI.text}`).value;
    if (typeof text !== 'string' || text.trim() === '') continue;
    const key = number === null || number === undefined ? '' : String(number);
    entries.push({ number: key, text, order: order.get(key) ?? Number.MAX_SAFE_INTEGER, index });
  }
  if (entries.length === 0) return [{ kind: 'text', text: ctx.text.noNotes }];
  entries.sort((a, b) => a.order - b.order || a.index - b.index);

  const blocks: Block[] = [];
  let currentSection: SectionDefinition | undefined;
  for (const entry of entries) {
    const section = sectionOfItem(itemSections, entry.number);
    if (section && section !== currentSection) blocks.push(heading(ctx, section));
    currentSection = section ?? currentSection;
    const choice = itemChoices.find((c) => String(c.value) === entry.number);
    const label = choice ? labelWithoutNumber(localized(choice.label, ctx.lang), entry.number) : '';
    blocks.push({ kind: 'note', number: entry.number, label, text: withoutOwnBracket(entry.text, entry.number) });
  }
  return blocks;
}

/** 「（1-3）歩行時…」 under item 1-3 → 「歩行時…」: the number is printed in the label column already; another item's bracket stays. */
function withoutOwnBracket(text: string, number: string): string {
  const match = LEADING_ITEM_BRACKET.exec(text);
  return match && match[1] === number ? text.slice(match[0].length).trimStart() : text;
}

/** "1-3" → the section holding field "1-3"; "6-3" → the section holding field "6" (特別な医療 per treatment). */
function sectionOfItem(sections: SectionDefinition[], number: string): SectionDefinition | undefined {
  const group = number.split('-')[0] ?? number;
  return sections.find((s) => s.fields.some((f) => f.id === number)) ?? sections.find((s) => s.fields.some((f) => f.id === group));
}
