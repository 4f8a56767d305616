// Form definition cache: every version kept, latest by version number, invalid or damaged definitions refused with a code.
import { describe, expect, it } from 'vitest';
import { openTestDb } from './helpers.ts';
import { getForm, latestForm, listForms, saveForm } from '../../src/data/forms.ts';
import type { FormDefinition } from '../../src/engine/types.ts';

const def = (id: string, version: number): FormDefinition => ({ id, version, title: { ja: `様式${version}` }, sections: [] });

describe('forms cache', () => {
  it('keeps every version and finds the latest numerically (10 after 9)', async () => {
    const db = openTestDb();
    for (const v of [1, 9, 10, 2]) await saveForm(db, def('care', v));
    await saveForm(db, def('carex', 99));
    expect((await getForm(db, 'care', 9))?.title.ja).toBe('様式9');
    expect((await latestForm(db, 'care'))?.version).toBe(10);
    expect(await getForm(db, 'care', 3)).toBeUndefined();
    expect(await latestForm(db, 'none')).toBeUndefined();
    expect((await listForms(db)).map((f) => `${f.id}@${f.version}`)).toEqual(['care@1', 'care@2', 'care@9', 'care@10', 'carex@99']);
  });

  it('refuses a definition without id/version (E_FORM_INVALID) and flags a damaged cached one (E_FORM_CORRUPT)', async () => {
    const db = openTestDb();
    await expect(saveForm(db, { title: { ja: 'x' } } as never)).rejects.toMatchObject({ code: 'E_FORM_INVALID' });
    await db.forms.put({ id: 'care', version: 1, definition: { nonsense: true } as never, savedAt: '' });
    await expect(getForm(db, 'care', 1)).rejects.toMatchObject({ code: 'E_FORM_CORRUPT' });
  });
});
