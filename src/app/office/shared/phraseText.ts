// A Phrase (an i18n key with values, some of them phrases themselves) as text in the current language.
import type { TFunction } from 'i18next';
import type { Phrase } from '../audit/describeAudit.ts';

export function phraseText(t: TFunction, phrase: Phrase): string {
  const params = Object.fromEntries(Object.entries(phrase.params).map(([key, value]) => [key, typeof value === 'object' ? phraseText(t, value) : value]));
  return t(phrase.key, params);
}
