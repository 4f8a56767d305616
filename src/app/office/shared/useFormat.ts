// Formatting helpers of the office screens: date-times (Asia/Tokyo) and the words answers are shown with in the current language.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerWords } from './formatAnswer.ts';
import { tokyoDateTime } from './tokyoTime.ts';

/** Every office screen's date-time: Asia/Tokyo wall-clock time (tokyoTime.ts), the same in both languages. */
export function useDateTime(): (iso: string | null | undefined) => string {
  return tokyoDateTime;
}

export function useAnswerWords(): AnswerWords {
  const { t, i18n } = useTranslation();
  return useMemo(
    () => ({
      yes: t('fields.yes'),
      no: t('fields.no'),
      photos: (count) => t('office.answer.photos', { count }),
      entries: (count) => t('office.answer.entries', { count }),
      points: (count) => t('office.answer.points', { count }),
      signed: t('office.answer.signed'),
    }),
    // t changes identity with the language.
    [t, i18n.language],
  );
}
