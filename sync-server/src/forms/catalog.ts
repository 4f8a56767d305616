// The server's form catalog: every forms/<id>/form.json parsed with the engine at start-up (a bad form stops the server).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseForm, type FormDefinition } from '../../../src/engine/index.ts';

export interface FormCatalog {
  get(formId: string): FormDefinition | undefined;
  all(): FormDefinition[];
}

/**
 * forms/ at the project root: three folders up from this file when run from source (tsx), one up from the
 * bundle dist-server/main.js (scripts/build-server.mjs); the first that exists.
 */
const DEFAULT_FORMS_DIR = ((here) => ['../../../forms', '../forms'].map((up) => resolve(here, up)).find((dir) => existsSync(dir)) ?? resolve(here, '../../../forms'))(
  dirname(fileURLToPath(import.meta.url)),
);

/** A catalog over already-parsed definitions (tests, or forms from elsewhere). */
export function formCatalogOf(forms: readonly FormDefinition[]): FormCatalog {
  const byId = new Map(forms.map((f) => [f.id, f]));
  return { get: (id) => byId.get(id), all: () => [...byId.values()] };
}

/**
 * Loads and parses every forms/<id>/form.json; throws Error('E_FORM_INVALID: …') when one does not parse.
 * GENBA_EXTRA_FORMS_DIR adds the forms of one more folder to the server's catalog only (the PWA's own catalog
 * is built from forms/): the hostile-payload browser test adds a form whose labels are script payloads.
 */
export function loadFormCatalog(dir: string = DEFAULT_FORMS_DIR, extraDir: string | undefined = process.env.GENBA_EXTRA_FORMS_DIR || undefined): FormCatalog {
  const forms = [...loadFormsIn(dir), ...(extraDir ? loadFormsIn(extraDir) : [])];
  const ids = new Set<string>();
  for (const form of forms) {
    if (ids.has(form.id)) throw new Error(`E_FORM_INVALID: form "${form.id}" is in ${dir} and ${extraDir} (GENBA_EXTRA_FORMS_DIR)`);
    ids.add(form.id);
  }
  return formCatalogOf(forms);
}

function loadFormsIn(dir: string): FormDefinition[] {
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
  return forms;
}
