// Picks the text of a Localized for a language, falling back to Japanese.
import type { Localized } from './types.ts';

export function localized(text: Localized, lang: 'ja' | 'en'): string {
  return lang === 'en' && text.en ? text.en : text.ja;
}
