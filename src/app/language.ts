// Switches the UI language (i18next, the app store, <html lang>) and persists the choice in the device settings.
import { getSetting, setSetting } from '../data/index.ts';
import { appDb } from './db.ts';
import { i18n } from './i18n/index.ts';
import { isLanguage, type Language } from './localize.ts';
import { setLanguageState } from './state/appStore.ts';

function apply(language: Language): void {
  void i18n.changeLanguage(language);
  setLanguageState(language);
  document.documentElement.lang = language;
}

export async function loadSavedLanguage(): Promise<Language> {
  try {
    const saved: unknown = await getSetting(appDb(), 'language');
    return isLanguage(saved) ? saved : 'ja';
  } catch {
    return 'ja';
  }
}

export async function changeLanguage(language: Language): Promise<void> {
  apply(language);
  await setSetting(appDb(), 'language', language);
}

export function applyLanguage(language: Language): void {
  apply(language);
}
