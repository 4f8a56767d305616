// A record's answers as rows in form order, each with its label path ("建物 1 › 建物名"): the record view, diffs and the comment picker.
import type { Answers, FieldDefinition, FormDefinition } from '../../../engine/types.ts';
import { localize, type Language } from '../../localize.ts';
import { definitionAt, readPath } from '../../editor/paths.ts';

export interface AnswerRow {
  path: string;
  label: string;
  sectionTitle: string;
  field: FieldDefinition | null;
  value: unknown;
}

const LABEL_SEPARATOR = ' › ';

function collect(fields: FieldDefinition[], prefix: string, labels: string[], answers: Answers, sectionTitle: string, language: Language, out: AnswerRow[]): void {
  for (const field of fields) {
    const path = prefix ? `${prefix}.${field.id}` : field.id;
    const label = localize(field.label, language);
    if (field.type === 'note') continue;
    if (field.type === 'group') {
      collect(field.fields ?? [], path, [...labels, label], answers, sectionTitle, language, out);
      continue;
    }
    if (field.type === 'repeat') {
      const entries = readPath(answers, path);
      const count = Array.isArray(entries) ? entries.length : 0;
      for (let i = 0; i < count; i++) collect(field.fields ?? [], `${path}[${i}]`, [...labels, `${label} ${i + 1}`], answers, sectionTitle, language, out);
      continue;
    }
    out.push({ path, label: [...labels, label].join(LABEL_SEPARATOR), sectionTitle, field, value: readPath(answers, path) });
  }
}

/** Every answerable field of the form (answered or not), then answers the form does not know ('@' metadata left out). */
export function answerRows(form: FormDefinition | null, answers: Answers, language: Language): AnswerRow[] {
  const out: AnswerRow[] = [];
  for (const section of form?.sections ?? []) collect(section.fields, '', [], answers, localize(section.title, language), language, out);
  const known = new Set(form ? form.sections.flatMap((s) => s.fields.map((f) => f.id)) : []);
  for (const [key, value] of Object.entries(answers)) {
    if (key.startsWith('@') || known.has(key)) continue;
    out.push({ path: key, label: key, sectionTitle: '', field: null, value });
  }
  return out;
}

/** The label path of any answer path, e.g. "buildings[0].built_year" → "建物 1 › 建築年"; the raw path when the form does not know it. */
export function pathLabel(form: FormDefinition | null, path: string, language: Language): string {
  if (!form || !definitionAt(form, path)) return path;
  const labels: string[] = [];
  let prefix = '';
  for (const segment of path.split('.')) {
    const match = /^([^[\]]+)((?:\[\d+\])*)$/.exec(segment);
    if (!match?.[1]) return path;
    prefix = prefix ? `${prefix}.${match[1]}` : match[1];
    const definition = definitionAt(form, prefix);
    if (!definition) return path;
    const indexes = [...(match[2] ?? '').matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]) + 1);
    labels.push([localize(definition.label, language), ...indexes].join(' '));
    prefix += match[2] ?? '';
  }
  return labels.join(LABEL_SEPARATOR);
}
