// The survey definitions the office reads answers with: the app's form catalog on this device (fetched at start, see formCatalog.ts).
import { getForm, latestForm, listForms } from '../../../data/index.ts';
import type { FormDefinition } from '../../../engine/types.ts';
import { appDb } from '../../db.ts';
import { latestVersions } from '../../formCatalog.ts';
import { useLiveQuery } from '../../hooks/useLiveQuery.ts';

export function useFormList() {
  return useLiveQuery(async () => latestVersions(await listForms(appDb())), []);
}

/** The exact version the record was written with, else the newest one; null when the device has neither. */
export function useFormDefinition(formId: string | undefined, version: number | undefined): FormDefinition | null | undefined {
  return useLiveQuery(async () => {
    if (!formId) return null;
    const exact = version ? await getForm(appDb(), formId, version) : undefined;
    return exact ?? (await latestForm(appDb(), formId)) ?? null;
  }, [formId, version]);
}
