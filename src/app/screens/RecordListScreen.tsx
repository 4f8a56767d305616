// The records of one survey, newest first: status and sync badges, a new-record button, open, and delete-draft with confirmation.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isDeletableDraft, latestForm, type RecordRow } from '../../data/index.ts';
import { recordTitle } from '../../engine/index.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { SyncBadges } from '../components/SyncBadges.tsx';
import { recordSyncStates } from '../../data/sync/index.ts';
import { appDb, recordRepository } from '../db.ts';
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { useOfferedForms } from '../hooks/useOfferedForms.ts';
import { localize } from '../localize.ts';
import { useLanguage } from '../state/appStore.ts';
import { navigate } from '../state/routeStore.ts';
import { CARE_ASSESSMENT_FORM_ID } from '../../../forms/care-case/case-fields.ts';
import { unlinkDeletedAssessment } from '../care/caseActions.ts';

function createdId(created: unknown): string {
  return typeof created === 'string' ? created : (created as { id: string }).id;
}

export function RecordListScreen({ formId }: { formId: string }) {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const form = useLiveQuery(() => latestForm(appDb(), formId).then((f) => f ?? null), [formId]);
  const listed = useLiveQuery(async () => {
    const rows = await recordRepository().listByForm(formId);
    return { rows, sync: await recordSyncStates(appDb(), rows) };
  }, [formId]);
  const records = listed?.rows;
  const offered = useOfferedForms();
  // A new record only for a signed-in user whose role the server granted this form.
  const mayCreate = offered?.signedIn === true && offered.formIds?.has(formId) === true;
  const [toDelete, setToDelete] = useState<RecordRow | null>(null);
  const [busy, setBusy] = useState(false);

  const createRecord = async () => {
    if (!form || busy || !mayCreate) return;
    setBusy(true);
    try {
      const created: unknown = await recordRepository().create(form.id, form.version);
      await navigate({ name: 'editor', recordId: createdId(created) });
    } finally {
      setBusy(false);
    }
  };

  const confirmDelete = async () => {
    if (!toDelete) return;
    await recordRepository().remove(toDelete.id);
    if (toDelete.formId === CARE_ASSESSMENT_FORM_ID) await unlinkDeletedAssessment(toDelete.id);
    setToDelete(null);
  };

  const dateFormat = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'ja-JP', { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <section className="screen" data-testid="record-list-screen">
      <div className="screen-head">
        <button type="button" className="btn btn-ghost" onClick={() => void navigate({ name: 'home' })}>
          ← {t('app.back')}
        </button>
        <h1 className="screen-title">{form ? localize(form.title, language) : formId}</h1>
        {mayCreate && (
          <button type="button" className="btn btn-primary btn-large" onClick={() => void createRecord()} disabled={!form || busy} data-testid="new-record">
            ＋ {t('records.new')}
          </button>
        )}
      </div>
      {offered && !offered.signedIn && (
        <div className="notice" data-testid="records-login">
          <p>{t('records.loginFirst')}</p>
          <button type="button" className="btn btn-primary" onClick={() => void navigate({ name: 'login' })}>
            {t('home.login')}
          </button>
        </div>
      )}
      {offered?.signedIn && !mayCreate && offered.formIds !== null && <p className="notice" data-testid="records-not-granted">{t('records.notGranted')}</p>}
      {form === null && <p className="notice notice-error">{t('records.formMissing')}</p>}
      {records && records.length === 0 && <p className="empty">{t('records.empty')}</p>}
      <ul className="card-list">
        {records?.map((record) => {
          // Computed from the answers with the form's title rule (the stored title may predate it), the stored one when the form is missing.
          const heading = form ? recordTitle(form, record.answers) : { title: record.title ?? '', subtitle: '' };
          return (
          <li key={record.id} className="card record-card" data-testid="record-item" data-record-id={record.id}>
            <button type="button" className="record-open" onClick={() => void navigate({ name: 'editor', recordId: record.id })} data-testid="record-open">
              <span className="card-title" data-testid="record-title">{heading.title || t('records.untitled')}</span>
              {heading.subtitle && <span className="card-sub" data-testid="record-subtitle">{heading.subtitle}</span>}
              <span className="card-meta">
                <StatusBadge status={record.status} errorCount={record.errorCount} returned={record.returned === true} approved={record.approved === true} />
                <SyncBadges info={listed?.sync.get(record.id)} />
                <span>{t('records.updated', { date: dateFormat.format(new Date(record.updatedAt)) })}</span>
              </span>
            </button>
            {isDeletableDraft(record) && (
              <button type="button" className="btn btn-ghost btn-danger-text" onClick={() => setToDelete(record)} data-testid="record-delete">
                {t('records.deleteDraft')}
              </button>
            )}
          </li>
          );
        })}
      </ul>
      <ConfirmDialog
        open={toDelete !== null}
        message={t('records.confirmDelete')}
        confirmLabel={t('app.delete')}
        onConfirm={() => void confirmDelete()}
        onCancel={() => setToDelete(null)}
      />
    </section>
  );
}
