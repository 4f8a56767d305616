// The shape of the assessor's saved 特記事項 phrases as stored in the settings row "tokkiPhrases" (checked on every read and write).
import { z } from 'zod';

export const MAX_SAVED_PHRASES = 200;
export const MAX_PHRASE_LENGTH = 500;

export const SavedPhraseSchema = z.object({
  id: z.string().min(1).max(64),
  /** The item number it was saved for ("1-3"), or null: offered for every item. */
  item: z.string().regex(/^\d+(?:-\d+)?$/).nullable(),
  text: z.string().trim().min(1).max(MAX_PHRASE_LENGTH),
  createdAt: z.string(),
});

export const SavedPhrasesSchema = z.array(SavedPhraseSchema).max(MAX_SAVED_PHRASES);

export type SavedPhrase = z.infer<typeof SavedPhraseSchema>;
