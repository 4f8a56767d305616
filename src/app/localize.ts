// Picks the text of a form's Localized label for the current language (English falls back to Japanese).
import type { Localized } from '../engine/types.ts';

export type Language = 'ja' | 'en';
export const LANGUAGES: readonly Language[] = ['ja', 'en'];

export function isLanguage(value: unknown): value is Language {
  return value === 'ja' || value === 'en';
}

export function localize(text: Localized | undefined, language: Language): string {
  if (!text) return '';
  return language === 'en' ? (text.en ?? text.ja) : text.ja;
}
