// Adds the back office's texts (ja first, en) to the app's i18next under "office.*" when the office chunk loads, so the field app never carries them.
import { i18n } from '../../i18n/index.ts';
import en from './en.json';
import ja from './ja.json';

export function registerOfficeText(): void {
  // deep merge: the app's own files keep "office.entry" (the Home button), shown before this chunk loads.
  i18n.addResourceBundle('ja', 'translation', { office: ja }, true, false);
  i18n.addResourceBundle('en', 'translation', { office: en }, true, false);
}
