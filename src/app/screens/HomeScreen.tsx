// Home: the surveys the server grants the signed-in user (cached for offline days) with their record counts; a login prompt before login.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CARE_CASE_FORM_ID } from '../../../forms/care-case/case-fields.ts';
import { listForms } from '../../data/index.ts';
import { REVIEWER_ROLES, type ReviewRole } from '../../protocol/review.ts';
import { appDb, recordRepository } from '../db.ts';
import { countsLookup, latestVersions, syncFormCatalog } from '../formCatalog.ts';
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { useOfferedForms } from '../hooks/useOfferedForms.ts';
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
  const offered = useOfferedForms();
  const cached = useLiveQuery(async () => latestVersions(await listForms(appDb())), []);
  // Only what the server granted THIS user: forms cached for an earlier user or role stay on the device, unoffered.
  const forms = cached && offered?.formIds ? cached.filter((form) => offered.formIds?.has(form.id)) : undefined;
  const counts = useLiveQuery(async () => countsLookup(await recordRepository().countByForm()), []);
  // Care assessors work from their visit schedule; the case form's card leads there too (cases are made by the office, not here).
  const careAssessor = session?.user.role === 'care_assessor';

  useEffect(() => {
    let alive = true;
    void syncFormCatalog().then((result) => alive && setCatalogFailed(result.outcome === 'failed'));
    return () => {
      alive = false;
    };
  }, [session?.user.id]);

  return (
    <section className="screen" data-testid="home-screen">
      <h1 className="screen-title">{t('home.title')}</h1>
      {offered && !offered.signedIn && (
        <div className="notice home-login" data-testid="home-login">
          <p>{t('home.loginFirst')}</p>
          <button type="button" className="btn btn-primary btn-large" onClick={() => void navigate({ name: 'login' })} data-testid="home-login-button">
            {t('home.login')}
          </button>
        </div>
      )}
      {offered?.signedIn && <ReturnedRecords />}
      {offered?.signedIn && catalogFailed && <p className="notice">{t('home.loadFailed')}</p>}
      {offered?.signedIn && offered.formIds === null && <p className="notice" data-testid="home-no-grant">{t('home.noGrant')}</p>}
      {offered?.signedIn && forms && forms.length === 0 && !careAssessor && !reviewer && <p className="empty" data-testid="home-no-forms">{t('home.noForms')}</p>}
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
