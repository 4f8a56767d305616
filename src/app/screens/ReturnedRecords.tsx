// Home's 「差し戻された記録」 list: every record the office returned and this tablet has to correct, by its title, with how many comments it carries.
import { useTranslation } from 'react-i18next';
import { latestForm } from '../../data/index.ts';
import { appDb, recordRepository } from '../db.ts';
import { recordTitle } from '../../engine/index.ts';
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { localize } from '../localize.ts';
import { useLanguage } from '../state/appStore.ts';
import { navigate } from '../state/routeStore.ts';

export function ReturnedRecords() {
  const { t } = useTranslation();
  const language = useLanguage();
  const returned = useLiveQuery(async () => {
    const rows = await recordRepository().listReturned();
    return Promise.all(rows.map(async (row) => {
      const form = await latestForm(appDb(), row.formId);
      return { row, formTitle: form ? localize(form.title, language) : '', title: (form ? recordTitle(form, row.answers).title : '') || row.title || '' };
    }));
  }, [language]);
  if (!returned || returned.length === 0) return null;
  return (
    <section className="returned-records banner banner-warning" aria-labelledby="returned-records-title" data-testid="returned-records">
      <h2 id="returned-records-title" className="returned-records-title">
        {t('home.returned.title', { count: returned.length })}
      </h2>
      <ul className="returned-records-list">
        {returned.map(({ row, formTitle, title }) => (
          <li key={row.id}>
            <button type="button" className="btn returned-record" onClick={() => void navigate({ name: 'editor', recordId: row.id })} data-testid="returned-record" data-record-id={row.id}>
              <span className="returned-record-title">{title || t('records.untitled')}</span>
              <span className="returned-record-meta">
                {formTitle}
                {' · '}
                {t('home.returned.comments', { count: row.review?.comments.length ?? 0 })}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
