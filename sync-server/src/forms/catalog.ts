// The server's form catalog: every forms/<id>/form.json parsed with the engine at start-up (a bad form stops the server).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseForm, type FormDefinition } from '../../../src/engine/index.ts';

export interface FormCatalog {
  get(formId: string): FormDefinition | undefined;
  all(): FormDefinition[];
}

const DEFAULT_FORMS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../forms');

/** A catalog over already-parsed definitions (tests, or forms from elsewhere). */
export function formCatalogOf(forms: readonly FormDefinition[]): FormCatalog {
  const byId = new Map(forms.map((f) => [f.id, f]));
  return { get: (id) => byId.get(id), all: () => [...byId.values()] };
}

/** Loads and parses every forms/<id>/form.json; throws Error('E_FORM_INVALID: …') when one does not parse. */
export function loadFormCatalog(dir: string = DEFAULT_FORMS_DIR): FormCatalog {
  const forms: FormDefinition[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const file = join(dir, entry.name, 'form.json');
    if (!existsSync(file)) continue;
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(`E_FORM_INVALID: ${file} is not JSON: ${(error as Error).message}`);
    }
    const parsed = parseForm(json);
    if (!parsed.ok) {
      const first = parsed.errors.slice(0, 3).map((e) => `${e.code} at ${e.path || '(root)'}: ${e.message}`).join('; ');
      throw new Error(`E_FORM_INVALID: ${file}: ${first}`);
    }
    forms.push(parsed.form);
  }
  return formCatalogOf(forms);
}
