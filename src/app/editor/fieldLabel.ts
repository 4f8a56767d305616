// The label a person knows a field by, for an answer path of a form ("buildings[1].floors" → "階数（建物 2）"); the path itself when the form lacks it.
import type { FieldPath, FormDefinition } from '../../engine/types.ts';
import { localize, type Language } from '../localize.ts';
import { definitionAt } from './paths.ts';

export function fieldLabel(form: FormDefinition | undefined, path: FieldPath, language: Language): string {
  const field = form ? definitionAt(form, path) : null;
  if (!form || !field) return path;
  // Each repeat on the way names its entry, 1-based as on screen.
  const entries: string[] = [];
  let prefix = '';
  for (const segment of path.split('.')) {
    const indexed = /^(.+)\[(\d+)\]$/.exec(segment);
    prefix = prefix ? `${prefix}.${indexed ? indexed[1] : segment}` : (indexed ? indexed[1]! : segment);
    if (!indexed || prefix === path) continue;
    const repeat = definitionAt(form, prefix);
    entries.push(`${repeat ? localize(repeat.label, language) : indexed[1]} ${Number(indexed[2]) + 1}`);
  }
  const label = localize(field.label, language);
  return entries.length > 0 ? `${label}（${entries.join('・')}）` : label;
}
