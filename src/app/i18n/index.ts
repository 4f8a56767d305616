// i18next setup: Japanese by default, English switchable; the resources are bundled so the UI works offline.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import ja from './ja.json';
import en from './en.json';
import type { Language } from '../localize.ts';

export const i18n = i18next.createInstance();

export function initI18n(language: Language = 'ja'): Promise<unknown> {
  return i18n.use(initReactI18next).init({
    resources: { ja: { translation: ja }, en: { translation: en } },
    lng: language,
    fallbackLng: 'ja',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}
