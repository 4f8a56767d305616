// Fetches the forms the server grants the signed-in user's role (GET /api/forms), caches each definition and records the grant.
import { z } from 'zod';
import { getForm, saveForm, saveFormGrant } from '../data/index.ts';
import { currentSession } from '../data/sync/index.ts';
import type { Localized } from '../engine/types.ts';
import { appDb } from './db.ts';

const FormsResponseSchema = z.object({ forms: z.array(z.unknown()) });

export interface CatalogSyncResult {
  /** 'signed-out': nothing to fetch (and nothing is offered); 'failed': offline or refused, the last grant stays. */
  outcome: 'fetched' | 'signed-out' | 'failed';
  /** Forms that could not be parsed: shown to nobody but logged, the others still load. */
  rejected: string[];
}

let inFlight: Promise<CatalogSyncResult> | null = null;

/**
 * Caches every form the server grants the signed-in user and stores the grant (form ids + user id), which decides what
 * the tablet offers. Failures (offline) leave the cached forms and the last grant as they are. Called at app start, on
 * the home screen and after login; concurrent callers share one run.
 */
export function syncFormCatalog(): Promise<CatalogSyncResult> {
  inFlight ??= fetchGrantedForms().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

async function fetchGrantedForms(): Promise<CatalogSyncResult> {
  const db = appDb();
  const rejected: string[] = [];
  const session = await currentSession(db);
  if (!session) return { outcome: 'signed-out', rejected };
  try {
    const response = await fetch('/api/forms', { headers: { authorization: `Bearer ${session.token}` }, cache: 'no-store' });
    // 401/403 (expired, revoked, password change): the sync client tells the user; the last grant stays.
    if (!response.ok) return { outcome: 'failed', rejected };
    const body = FormsResponseSchema.parse(await response.json());
    const { parseForm } = await import('../engine/index.ts');
    const granted: string[] = [];
    for (const raw of body.forms) {
      const parsed = parseForm(raw);
      if (!parsed.ok) {
        const id = (raw as { id?: unknown } | null)?.id;
        rejected.push(typeof id === 'string' ? id : '?');
        console.error(`[genba] E_FORM_INVALID: ${String(id)}`, parsed.errors);
        continue;
      }
      if (!(await getForm(db, parsed.form.id, parsed.form.version))) await saveForm(db, parsed.form);
      granted.push(parsed.form.id);
    }
    await saveFormGrant(db, session.user.id, granted);
    return { outcome: 'fetched', rejected };
  } catch (error) {
    console.warn('[genba] form catalog not refreshed', error);
    return { outcome: 'failed', rejected };
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
