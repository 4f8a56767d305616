// Formatting helpers bound to the current language: date-times, days and the words answers are shown with.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerWords } from './formatAnswer.ts';

export function useDateTime(): (iso: string | null | undefined) => string {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'ja-JP', { dateStyle: 'medium', timeStyle: 'short' });
    return (iso) => {
      if (!iso) return '—';
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : format.format(date);
    };
  }, [i18n.language]);
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
