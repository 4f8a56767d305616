// Tiny DSL for engine tests: build a one-section form inline so each test shows the form it exercises.
import { parseForm } from '../../src/engine/index.ts';
import type { FieldDefinition, FormDefinition } from '../../src/engine/index.ts';

type FieldSpec = Partial<FieldDefinition> & { id: string; type?: FieldDefinition['type'] };

/** A field with a generated label; type defaults to text. */
export function f(id: string, type: FieldDefinition['type'] = 'text', rest: Partial<FieldDefinition> = {}): FieldDefinition {
  return { id, type, label: { ja: id, en: id }, ...rest };
}

/** Builds and parses a form; throws with the definition errors when it does not parse (tests want a valid form). */
export function form(fields: FieldSpec[], extra: Partial<FormDefinition> = {}): FormDefinition {
  const input = rawForm(fields, extra);
  const parsed = parseForm(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.form;
}

/** The unparsed definition (for parse error tests). */
export function rawForm(fields: FieldSpec[], extra: Partial<FormDefinition> = {}): Record<string, unknown> {
  return {
    id: 't',
    version: 1,
    title: { ja: 'テスト', en: 'Test' },
    sections: [{ id: 'main', title: { ja: '主', en: 'Main' }, fields: fields.map(withLabels) }],
    ...extra,
  };
}

function withLabels(spec: FieldSpec): FieldDefinition {
  const out = { type: 'text', label: { ja: spec.id, en: spec.id }, ...spec } as FieldDefinition;
  if (out.fields) out.fields = out.fields.map((c) => withLabels(c as FieldSpec));
  return out;
}

export const NOW = new Date('2025-04-01T03:00:00Z');
export const JST = 540;
export const opts = { now: NOW, utcOffsetMinutes: JST };
export const codes = (errors: { code: string; path: string }[]): string[] => errors.map((e) => `${e.path}:${e.code}`);
