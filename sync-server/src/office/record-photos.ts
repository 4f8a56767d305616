// The photos and signatures of a record, with their answer paths, found by walking the form definition over the answers.
import type { FieldDefinition, FormDefinition } from '../../../src/engine/index.ts';

export interface RecordPhoto {
  path: string;
  hash: string;
  mime: string;
}

function attachment(value: unknown): { hash: string; mime: string } | null {
  if (typeof value !== 'object' || value === null) return null;
  const { hash, mime } = value as { hash?: unknown; mime?: unknown };
  return typeof hash === 'string' && typeof mime === 'string' ? { hash, mime } : null;
}

function walk(fields: readonly FieldDefinition[], answers: unknown, prefix: string, out: RecordPhoto[]): void {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) return;
  const values = answers as Record<string, unknown>;
  for (const field of fields) {
    const path = prefix ? `${prefix}.${field.id}` : field.id;
    const value = values[field.id];
    if (field.type === 'photo' && Array.isArray(value)) {
      value.forEach((item, i) => {
        const found = attachment(item);
        if (found) out.push({ path: `${path}[${i}]`, ...found });
      });
    } else if (field.type === 'signature') {
      const found = attachment(value);
      if (found) out.push({ path, ...found });
    } else if (field.type === 'group' && field.fields) {
      walk(field.fields, value, path, out);
    } else if (field.type === 'repeat' && field.fields && Array.isArray(value)) {
      value.forEach((entry, i) => walk(field.fields!, entry, `${path}[${i}]`, out));
    }
  }
}

export function recordPhotos(form: FormDefinition | undefined, answers: Record<string, unknown>): RecordPhoto[] {
  const out: RecordPhoto[] = [];
  if (form) for (const section of form.sections) walk(section.fields, answers, '', out);
  return out;
}
