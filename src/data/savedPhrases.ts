// The assessor's own 特記事項 phrases on this device: list, save (the same text for the same item is kept once) and delete; works offline.
import { v4 as uuidv4 } from 'uuid';
import type { GenbaDb } from './db.ts';
import { DataError } from './errors.ts';
import { MAX_PHRASE_LENGTH, MAX_SAVED_PHRASES, type SavedPhrase } from './savedPhrasesSchema.ts';
import { getSetting, setSetting } from './settings.ts';

export type { SavedPhrase } from './savedPhrasesSchema.ts';

export async function listSavedPhrases(db: GenbaDb): Promise<SavedPhrase[]> {
  return (await getSetting(db, 'tokkiPhrases')) ?? [];
}

/** Saves a phrase (newest first); refuses an empty or too long one, and a 201st with E_ARGUMENT. */
export async function savePhrase(db: GenbaDb, input: { item: string | null; text: string }, now: Date = new Date()): Promise<SavedPhrase> {
  const text = input.text.trim();
  if (text === '' || text.length > MAX_PHRASE_LENGTH) throw new DataError('E_ARGUMENT', `a saved phrase has 1 to ${MAX_PHRASE_LENGTH} characters`);
  return db.transaction('rw', db.settings, async () => {
    const phrases = await listSavedPhrases(db);
    const existing = phrases.find((p) => p.item === input.item && p.text === text);
    if (existing) return existing;
    if (phrases.length >= MAX_SAVED_PHRASES) throw new DataError('E_ARGUMENT', `at most ${MAX_SAVED_PHRASES} saved phrases; delete some first`);
    const phrase: SavedPhrase = { id: uuidv4(), item: input.item, text, createdAt: now.toISOString() };
    await setSetting(db, 'tokkiPhrases', [phrase, ...phrases]);
    return phrase;
  });
}

export async function deletePhrase(db: GenbaDb, id: string): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const phrases = await listSavedPhrases(db);
    await setSetting(db, 'tokkiPhrases', phrases.filter((p) => p.id !== id));
  });
}

/** The saved phrases offered for an item: the ones saved for it, then the ones for every item. */
export function savedPhrasesFor(phrases: SavedPhrase[], item: string): SavedPhrase[] {
  return [...phrases.filter((p) => p.item === item), ...phrases.filter((p) => p.item === null)];
}
