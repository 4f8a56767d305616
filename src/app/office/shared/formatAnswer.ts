// An answer as short readable text for office tables and diffs: choice labels instead of codes, yes/no, coordinates, counts of photos.
import type { Choice, FieldDefinition, FormDefinition } from '../../../engine/types.ts';
import { localize, type Language } from '../../localize.ts';

/** The UI words formatAnswer needs (from i18n), passed in so this stays a pure function. */
export interface AnswerWords {
  yes: string;
  no: string;
  photos: (count: number) => string;
  entries: (count: number) => string;
  points: (count: number) => string;
  signed: string;
}

export function choicesOf(form: FormDefinition | null, field: FieldDefinition | null): Choice[] {
  if (!field) return [];
  if (field.choices) return field.choices;
  return (field.choiceList && form?.choiceLists?.[field.choiceList]) || [];
}

function choiceLabel(choices: Choice[], value: unknown, language: Language): string {
  const choice = choices.find((c) => c.value === value || String(c.value) === String(value));
  return choice ? localize(choice.label, language) : String(value);
}

function isPoint(value: unknown): value is { lat: number; lng?: number; lon?: number; accuracy?: number } {
  return typeof value === 'object' && value !== null && typeof (value as { lat?: unknown }).lat === 'number';
}

function formatPoint(point: { lat: number; lng?: number; lon?: number; accuracy?: number }): string {
  const lon = point.lng ?? point.lon;
  const text = `${point.lat.toFixed(5)}, ${typeof lon === 'number' ? lon.toFixed(5) : '?'}`;
  return typeof point.accuracy === 'number' ? `${text} (±${Math.round(point.accuracy)} m)` : text;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One repeat entry or group as "label: value / label: value" (a whole entry added or removed in a diff). */
function formatEntry(form: FormDefinition | null, field: FieldDefinition, value: Record<string, unknown>, language: Language, words: AnswerWords): string {
  const parts: string[] = [];
  for (const child of field.fields ?? []) {
    const text = formatAnswer(form, child, value[child.id], language, words);
    if (text) parts.push(`${localize(child.label, language)}: ${text}`);
  }
  return parts.join(' / ');
}

/** '' for "no answer" (the views show a dash). */
export function formatAnswer(form: FormDefinition | null, field: FieldDefinition | null, value: unknown, language: Language, words: AnswerWords): string {
  if (value === undefined || value === null || value === '') return '';
  switch (field?.type) {
    case 'select_one':
      return choiceLabel(choicesOf(form, field), value, language);
    case 'select_multiple':
      return Array.isArray(value) ? value.map((v) => choiceLabel(choicesOf(form, field), v, language)).join('、') : String(value);
    case 'boolean':
      return value === true ? words.yes : value === false ? words.no : String(value);
    case 'photo':
      return Array.isArray(value) ? words.photos(value.length) : words.photos(1);
    case 'signature':
      return words.signed;
    case 'geoshape':
      return Array.isArray(value) ? words.points(value.length) : JSON.stringify(value);
    case 'repeat':
      if (Array.isArray(value)) return words.entries(value.length);
      return isPlainObject(value) ? formatEntry(form, field, value, language, words) : JSON.stringify(value);
    case 'group':
      return isPlainObject(value) ? formatEntry(form, field, value, language, words) : JSON.stringify(value);
    default:
      break;
  }
  if (isPoint(value)) return formatPoint(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
