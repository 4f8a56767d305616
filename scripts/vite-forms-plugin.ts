// Vite plugin: publishes forms/<id>/form.json as /forms/index.json and /forms/<id>.json (dev server and build).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { parseForm } from '../src/engine/index.ts';

const FORMS_DIR = resolve(import.meta.dirname, '..', 'forms');

export interface CatalogEntry {
  id: string;
  version: number;
  title: unknown;
}

/** Reads every form folder; a folder without form.json is skipped. */
export function readForms(dir = FORMS_DIR): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = join(dir, entry.name, 'form.json');
    if (entry.isDirectory() && existsSync(file)) out.set(entry.name, readFileSync(file, 'utf8'));
  }
  return out;
}

function catalog(forms: Map<string, string>): string {
  const entries: CatalogEntry[] = [...forms.values()].map((text) => {
    const f = JSON.parse(text) as CatalogEntry;
    return { id: f.id, version: f.version, title: f.title };
  });
  return JSON.stringify({ forms: entries });
}

/** Every definition problem of every form, one line each ("forms/<id>/form.json E_DEF_… at path: message"). */
export function formProblems(forms: Map<string, string>): string[] {
  const problems: string[] = [];
  for (const [id, text] of forms) {
    let input: unknown;
    try {
      input = JSON.parse(text);
    } catch (error) {
      problems.push(`forms/${id}/form.json E_DEF_SCHEMA: not JSON: ${(error as Error).message}`);
      continue;
    }
    const parsed = parseForm(input);
    if (!parsed.ok) for (const e of parsed.errors) problems.push(`forms/${id}/form.json ${e.code} at ${e.path || '(root)'}: ${e.message}`);
  }
  return problems;
}

export function formsCatalog(): Plugin {
  return {
    name: 'genba-forms-catalog',
    buildStart() {
      // The build fails on a form that does not parse: a broken definition must never reach a tablet.
      const problems = formProblems(readForms());
      if (problems.length > 0) this.error(problems.join('\n'));
    },
    configureServer(server) {
      server.middlewares.use('/forms/', (req, res, next) => {
        const forms = readForms();
        const name = (req.url ?? '').replace(/^\//, '').replace(/\?.*$/, '');
        const body = name === 'index.json' ? catalog(forms) : forms.get(name.replace(/\.json$/, ''));
        if (!body) return next();
        res.setHeader('content-type', 'application/json');
        res.end(body);
      });
    },
    generateBundle() {
      const forms = readForms();
      this.emitFile({ type: 'asset', fileName: 'forms/index.json', source: catalog(forms) });
      for (const [id, text] of forms) this.emitFile({ type: 'asset', fileName: `forms/${id}.json`, source: text });
    },
  };
}
