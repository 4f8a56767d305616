// A coded refusal as plain words: office.errors.<CODE> (src/app/office/i18n/ja.json, en.json), or a generic sentence naming the code.
import type { TFunction } from 'i18next';

export function officeErrorText(t: TFunction, code: string): string {
  return t(`office.errors.${code}`, { defaultValue: t('office.errors.unknown', { code }) });
}
