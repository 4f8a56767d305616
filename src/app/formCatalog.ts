// Fetches the survey catalog (/forms/index.json) and stores each form definition on the device, so surveys open offline.
import { getForm, saveForm } from '../data/index.ts';
import type { Localized } from '../engine/types.ts';
import { appDb } from './db.ts';

interface CatalogEntry {
  id: string;
  version: number;
  title: Localized;
}

function parseCatalog(body: unknown): CatalogEntry[] {
  const forms = (body as { forms?: unknown })?.forms;
  if (!Array.isArray(forms)) throw new Error('E_CATALOG_INVALID: /forms/index.json has no forms list');
  return forms.filter(
    (f): f is CatalogEntry => typeof f?.id === 'string' && typeof f?.version === 'number' && typeof f?.title?.ja === 'string',
  );
}

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`E_FETCH_FAILED: ${url} answered ${response.status}`);
  return response.json();
}

export interface CatalogSyncResult {
  ok: boolean;
  /** Forms that could not be parsed: shown to nobody but logged, the others still load. */
  rejected: string[];
}

let inFlight: Promise<CatalogSyncResult> | null = null;

/**
 * Stores every catalog form the device does not have yet; failures (offline) leave the cached forms as they are.
 * Called at app start (so any screen opened directly, e.g. a survey's record list, finds its form) and by the
 * home screen; concurrent callers share one run.
 */
export function syncFormCatalog(): Promise<CatalogSyncResult> {
  inFlight ??= fetchCatalogForms().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

async function fetchCatalogForms(): Promise<CatalogSyncResult> {
  const db = appDb();
  const rejected: string[] = [];
  try {
    const entries = parseCatalog(await fetchJson('/forms/index.json'));
    const { parseForm } = await import('../engine/index.ts');
    for (const entry of entries) {
      if (await getForm(db, entry.id, entry.version)) continue;
      const parsed = parseForm(await fetchJson(`/forms/${encodeURIComponent(entry.id)}.json`));
      if (parsed.ok) await saveForm(db, parsed.form);
      else {
        rejected.push(entry.id);
        console.error(`[genba] E_FORM_INVALID: ${entry.id}`, parsed.errors);
      }
    }
    return { ok: true, rejected };
  } catch (error) {
    console.warn('[genba] form catalog not refreshed', error);
    return { ok: false, rejected };
  }
}

interface FormSummary {
  id: string;
  version: number;
  title: Localized;
}

/** The newest version of each form, sorted by id. */
export function latestVersions<T extends FormSummary>(forms: T[]): T[] {
  const byId = new Map<string, T>();
  for (const form of forms) {
    const current = byId.get(form.id);
    if (!current || current.version < form.version) byId.set(form.id, form);
  }
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** countByForm() as a plain lookup, whatever collection the repository returns. */
export function countsLookup(counts: unknown): (formId: string) => number {
  if (counts instanceof Map) return (id) => Number(counts.get(id) ?? 0);
  if (counts && typeof counts === 'object') return (id) => Number((counts as Record<string, unknown>)[id] ?? 0);
  return () => 0;
}
