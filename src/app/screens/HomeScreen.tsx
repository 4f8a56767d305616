// Home: the surveys stored on the device (refreshed from the server catalog when online) with their record counts.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listForms } from '../../data/index.ts';
import { appDb, recordRepository } from '../db.ts';
import { countsLookup, latestVersions, syncFormCatalog } from '../formCatalog.ts';
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { localize } from '../localize.ts';
import { useLanguage } from '../state/appStore.ts';
import { navigate } from '../state/routeStore.ts';

export function HomeScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [catalogFailed, setCatalogFailed] = useState(false);
  const forms = useLiveQuery(async () => latestVersions(await listForms(appDb())), []);
  const counts = useLiveQuery(async () => countsLookup(await recordRepository().countByForm()), []);

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
      {catalogFailed && <p className="notice">{t('home.loadFailed')}</p>}
      {forms && forms.length === 0 && <p className="empty">{t('home.empty')}</p>}
      <ul className="card-list">
        {forms?.map((form) => (
          <li key={form.id}>
            <button type="button" className="card card-button" data-testid={`survey-${form.id}`} onClick={() => void navigate({ name: 'records', formId: form.id })}>
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
    </section>
  );
}
