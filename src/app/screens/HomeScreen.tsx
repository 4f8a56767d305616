// Home: the surveys stored on the device (refreshed from the server catalog when online) with their record counts.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CARE_CASE_FORM_ID } from '../../../forms/care-case/case-fields.ts';
import { listForms } from '../../data/index.ts';
import { REVIEWER_ROLES, type ReviewRole } from '../../protocol/review.ts';
import { appDb, recordRepository } from '../db.ts';
import { countsLookup, latestVersions, syncFormCatalog } from '../formCatalog.ts';
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { localize } from '../localize.ts';
import { useLanguage } from '../state/appStore.ts';
import { navigate } from '../state/routeStore.ts';
import { useSession } from '../sync.ts';
import { ReturnedRecords } from './ReturnedRecords.tsx';

export function HomeScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [catalogFailed, setCatalogFailed] = useState(false);
  const session = useSession();
  // The back office is for reviewers only; other roles never see the entry (the server refuses them anyway).
  const reviewer = session ? REVIEWER_ROLES.includes(session.user.role as ReviewRole) : false;
  const forms = useLiveQuery(async () => latestVersions(await listForms(appDb())), []);
  const counts = useLiveQuery(async () => countsLookup(await recordRepository().countByForm()), []);
  // Care assessors work from their visit schedule; the case form's card leads there too (cases are made by the office, not here).
  const careAssessor = session?.user.role === 'care_assessor';

  useEffect(() => {
    let alive = true;
    void syncFormCatalog().then((result) => alive && setCatalogFailed(!result.ok));
    return () => {
      alive = false;
    };
  }, []);

  return (
    <section className="screen" data-testid="home-screen">
      <h1 className="screen-title">{t('home.title')}</h1>
      <ReturnedRecords />
      {catalogFailed && <p className="notice">{t('home.loadFailed')}</p>}
      {forms && forms.length === 0 && <p className="empty">{t('home.empty')}</p>}
      <ul className="card-list">
        {forms?.map((form) => (
          <li key={form.id}>
            <button type="button" className="card card-button" data-testid={`survey-${form.id}`} onClick={() => void navigate(form.id === CARE_CASE_FORM_ID ? { name: 'care-schedule' } : { name: 'records', formId: form.id })}>
              <span className="card-title">{localize(form.title, language)}</span>
              <span className="card-meta">
                <span>{t('home.version', { version: form.version })}</span>
                <span className="count-pill" data-testid="record-count">
                  {t('home.records', { count: counts?.(form.id) ?? 0 })}
                </span>
              </span>
            </button>
          </li>
        ))}
      </ul>
      {careAssessor && (
        <button type="button" className="card card-button care-entry" data-testid="care-entry" onClick={() => void navigate({ name: 'care-schedule' })}>
          <span className="card-title">{t('care.entry')}</span>
          <span className="card-sub">{t('care.entryHint')}</span>
        </button>
      )}
      {reviewer && (
        <button type="button" className="card card-button office-entry" data-testid="office-entry" onClick={() => void navigate({ name: 'office', page: 'queue' })}>
          <span className="card-title">{t('office.entry')}</span>
          <span className="card-sub">{t('office.entryHint')}</span>
        </button>
      )}
    </section>
  );
}
