// Adds the back office's texts (ja first, en; people.*.json: audit sentences and the admin screens) to the app's i18next under "office.*" when the office chunk loads, so the field app never carries them.
import { i18n } from '../../i18n/index.ts';
import en from './en.json';
import ja from './ja.json';
import peopleEn from './people.en.json';
import peopleJa from './people.ja.json';

export function registerOfficeText(): void {
  // deep merge: the app's own files keep "office.entry" (the Home button), shown before this chunk loads.
  i18n.addResourceBundle('ja', 'translation', { office: { ...ja, ...peopleJa } }, true, false);
  i18n.addResourceBundle('en', 'translation', { office: { ...en, ...peopleEn } }, true, false);
}
