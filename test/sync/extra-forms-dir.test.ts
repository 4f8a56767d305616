// GENBA_EXTRA_FORMS_DIR: one more folder of forms in the server's catalog (the hostile-payload test's form), a duplicate id refused.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFormCatalog } from '../../sync-server/src/forms/catalog.ts';

const FORMS = resolve(import.meta.dirname, '../../forms');

function folderWith(id: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'genba-extra-forms-'));
  const form = JSON.parse(readFileSync(join(FORMS, 'field-check', 'form.json'), 'utf8')) as { id: string };
  mkdirSync(join(dir, id));
  writeFileSync(join(dir, id, 'form.json'), JSON.stringify({ ...form, id }));
  return dir;
}

describe('extra forms folder', () => {
  it('adds its forms to those of forms/', () => {
    const catalog = loadFormCatalog(FORMS, folderWith('extra-check'));
    expect(catalog.get('extra-check')?.id).toBe('extra-check');
    expect(catalog.get('field-check')).toBeDefined();
  });

  it('refuses a form id that forms/ already has', () => {
    expect(() => loadFormCatalog(FORMS, folderWith('field-check'))).toThrow(/^E_FORM_INVALID: form "field-check"/);
  });
});
