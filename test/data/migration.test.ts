// Form-version migration of drafts: applied in one transaction with the old answers kept; refused → record untouched.
import { describe, expect, it } from 'vitest';
import { freshRepo } from './helpers.ts';
import { pendingEntries } from '../../src/data/outbox.ts';
import type { MigrateAnswersFn } from '../../src/data/records.ts';
import type { FormDefinition } from '../../src/engine/types.ts';

function form(version: number): FormDefinition {
  return { id: 'care', version, title: { ja: '認定調査票' }, sections: [] };
}

/** Stand-in for the engine's migrateAnswers: v1 → v2 renames "tel" to "phone" and drops "fax". */
const renameTel: MigrateAnswersFn = (target, fromVersion, answers) => {
  if (fromVersion !== 1 || target.version !== 2) return { ok: false, code: 'E_NO_MIGRATION', message: `no path from ${fromVersion}` };
  const { tel, fax, ...rest } = answers;
  return { ok: true, answers: { ...rest, phone: tel }, dropped: fax === undefined ? [] : ['fax'] };
};

describe('migrate', () => {
  it('moves a draft to the new version, keeping the pre-migration answers, and queues @migrate', async () => {
    const { db, repo } = freshRepo();
    const { id } = await repo.create('care', 1, { name: '山田', tel: '03-1234', fax: '03-9999' });
    const migrated = await repo.migrate(id, form(2), renameTel);
    expect(migrated.formVersion).toBe(2);
    expect(migrated.answers).toEqual({ name: '山田', phone: '03-1234' });
    expect(migrated.previousVersions).toEqual([
      { formVersion: 1, answers: { name: '山田', tel: '03-1234', fax: '03-9999' }, migratedAt: migrated.updatedAt },
    ]);
    expect(await repo.get(id)).toEqual(migrated);
    expect((await pendingEntries(db, 10)).pop()).toMatchObject({ path: '@migrate', formVersion: 2, value: { fromVersion: 1, toVersion: 2 } });
  });

  it('refuses when the engine has no migration: E_MIGRATION_REFUSED with the engine code, record untouched', async () => {
    const { db, repo } = freshRepo();
    const { id } = await repo.create('care', 1, { tel: '03' });
    const before = await db.records.get(id);
    const error = await repo.migrate(id, form(3), renameTel).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'E_MIGRATION_REFUSED', detail: 'E_NO_MIGRATION' });
    expect(await db.records.get(id)).toEqual(before);
    expect(await db.outbox.count()).toBe(1);
  });

  it('a migration that throws, or mutates its input, cannot damage the stored record', async () => {
    const { db, repo } = freshRepo();
    const { id } = await repo.create('care', 1, { tel: '03' });
    const before = await db.records.get(id);
    const vandal: MigrateAnswersFn = (_form, _from, answers) => {
      answers.tel = 'overwritten';
      throw new Error('bug');
    };
    await expect(repo.migrate(id, form(2), vandal)).rejects.toMatchObject({ code: 'E_MIGRATION_FAILED' });
    expect(await db.records.get(id)).toEqual(before);
  });

  it('refuses a downgrade or another form, and is a no-op on the same version', async () => {
    const { repo } = freshRepo();
    const { id } = await repo.create('care', 2, { a: 1 });
    await expect(repo.migrate(id, form(1), renameTel)).rejects.toMatchObject({ code: 'E_MIGRATION_DOWNGRADE' });
    await expect(repo.migrate(id, { ...form(3), id: 'other' }, renameTel)).rejects.toMatchObject({ code: 'E_MIGRATION_FORM_MISMATCH' });
    const same = await repo.migrate(id, form(2), renameTel);
    expect(same.previousVersions).toBeUndefined();
  });
});

describe('with the engine’s migrateAnswers', () => {
  it('applies a declared rename and keeps the dropped answer in previousVersions', async () => {
    const { migrateAnswers } = await import('../../src/engine/migrate.ts');
    const { repo } = freshRepo();
    const { id } = await repo.create('care', 1, { tel: '03-1234', fax: '03-9999' });
    const v2: FormDefinition = { ...form(2), migrations: [{ from: 1, to: 2, rename: { tel: 'phone' }, drop: ['fax'] }] };
    const migrated = await repo.migrate(id, v2, migrateAnswers);
    expect(migrated.answers).toEqual({ phone: '03-1234' });
    expect(migrated.previousVersions?.[0]?.answers).toEqual({ tel: '03-1234', fax: '03-9999' });
    await expect(repo.migrate(id, { ...form(4) }, migrateAnswers)).rejects.toMatchObject({ code: 'E_MIGRATION_REFUSED', detail: 'E_MIGRATION_NO_PATH' });
  });
});
