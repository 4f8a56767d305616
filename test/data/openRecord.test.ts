// Opening a record for the editor: old-version drafts are migrated, or opened read-only with a reason — never lost.
import { describe, expect, it } from 'vitest';
import { freshRepo } from './helpers.ts';
import { openRecordForEditing } from '../../src/data/openRecord.ts';
import { saveForm } from '../../src/data/forms.ts';
import type { MigrateAnswersFn } from '../../src/data/records.ts';
import type { FormDefinition } from '../../src/engine/types.ts';

const v = (version: number): FormDefinition => ({ id: 'care', version, title: { ja: '調査票' }, sections: [] });
const onlyFrom1: MigrateAnswersFn = (_f, from, answers) =>
  from === 1 ? { ok: true, answers: { ...answers, migrated: true } } : { ok: false, code: 'E_NO_MIGRATION', message: 'none declared' };

describe('openRecordForEditing', () => {
  it('migrates a v1 draft when v2 is cached and declares the migration', async () => {
    const { db, repo } = freshRepo();
    await saveForm(db, v(1));
    await saveForm(db, v(2));
    const { id } = await repo.create('care', 1, { a: 1 });
    const opened = await openRecordForEditing(db, repo, id, onlyFrom1);
    expect(opened).toMatchObject({ ok: true, editable: true, form: { version: 2 }, record: { formVersion: 2, answers: { a: 1, migrated: true } } });
  });

  it('opens read-only with its own definition when no migration is declared', async () => {
    const { db, repo } = freshRepo();
    await saveForm(db, v(2));
    await saveForm(db, v(3));
    const { id } = await repo.create('care', 2, { a: 1 });
    const opened = await openRecordForEditing(db, repo, id, onlyFrom1);
    expect(opened).toMatchObject({ ok: true, editable: false, form: { version: 2 }, reason: { code: 'E_MIGRATION_REFUSED' }, record: { answers: { a: 1 } } });
  });

  it('opens ready records read-only, and reports missing or corrupt records with a code', async () => {
    const { db, repo } = freshRepo();
    await saveForm(db, v(1));
    const { id } = await repo.create('care', 1);
    await repo.finalize(id, 0);
    expect(await openRecordForEditing(db, repo, id, onlyFrom1)).toMatchObject({ ok: true, editable: false, reason: { code: 'E_RECORD_STATUS' } });
    expect(await openRecordForEditing(db, repo, 'nope', onlyFrom1)).toMatchObject({ ok: false, code: 'E_RECORD_NOT_FOUND' });
    await db.records.put({ id: 'bad', answers: 'garbage' } as never);
    expect(await openRecordForEditing(db, repo, 'bad', onlyFrom1)).toMatchObject({ ok: false, code: 'E_RECORD_CORRUPT' });
  });
});
