// Cache of every form definition version the device has seen, so any draft opens with its own definition offline.
import { z } from 'zod';
import Dexie from 'dexie';
import type { FormDefinition } from '../engine/types.ts';
import type { GenbaDb } from './db.ts';
import { DataError } from './errors.ts';

export interface FormRow {
  id: string;
  version: number;
  definition: FormDefinition;
  savedAt: string;
}

/** Only what the cache needs to key and list a definition; the engine parses the rest. */
const cachedFormSchema = z.looseObject({
  id: z.string().min(1),
  version: z.number().int().nonnegative(),
  title: z.looseObject({ ja: z.string() }),
  sections: z.array(z.unknown()),
});

function checked(def: unknown, where: string): FormDefinition {
  const parsed = cachedFormSchema.safeParse(def);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DataError(where === 'save' ? 'E_FORM_INVALID' : 'E_FORM_CORRUPT', `form definition ${where === 'save' ? 'rejected' : 'unreadable'}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`);
  }
  return parsed.data as unknown as FormDefinition;
}

/** Caches a definition (a version is immutable: saving it again replaces the same content). */
export async function saveForm(db: GenbaDb, def: FormDefinition): Promise<void> {
  const definition = checked(def, 'save');
  await db.forms.put({ id: definition.id, version: definition.version, definition, savedAt: new Date().toISOString() });
}

export async function getForm(db: GenbaDb, id: string, version: number): Promise<FormDefinition | undefined> {
  const row = await db.forms.get([id, version]);
  return row ? checked(row.definition, 'read') : undefined;
}

export async function latestForm(db: GenbaDb, id: string): Promise<FormDefinition | undefined> {
  const row = await db.forms.where('[id+version]').between([id, Dexie.minKey], [id, Dexie.maxKey]).last();
  return row ? checked(row.definition, 'read') : undefined;
}

/** One entry per cached (id, version), ordered by id then version. */
export async function listForms(db: GenbaDb): Promise<{ id: string; version: number; title: FormDefinition['title']; savedAt: string }[]> {
  const rows = await db.forms.toArray();
  return rows.map((r) => ({ id: r.id, version: r.version, title: r.definition?.title ?? { ja: r.id }, savedAt: r.savedAt }));
}
