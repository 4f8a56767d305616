// 記録の詳細: the record's answers with the form's labels, every revision with its diff, findings, conflicts, photos, map, audit trail and review actions.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { getRecordDetail } from '../api/officeApi.ts';
import { localize } from '../../localize.ts';
import { useLanguage } from '../../state/appStore.ts';
import { navigate } from '../../state/routeStore.ts';
import { AuditTable } from '../shared/AuditTable.tsx';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { recallQuery } from '../shared/lastQuery.ts';
import { shortId } from '../shared/shortId.ts';
import { OfficeStatusBadge } from '../shared/OfficeStatusBadge.tsx';
import { shownReviewState } from '../../../protocol/review.ts';
import { PointMap, type MapPoint } from '../shared/PointMap.tsx';
import { useOfficeData } from '../shared/useOfficeData.ts';
import { useFormDefinition } from '../shared/useOfficeForms.ts';
import { useDateTime } from '../shared/useFormat.ts';
import { EvaluationPanel } from './EvaluationPanel.tsx';
import { OfficeEditsPanel } from './OfficeEditsPanel.tsx';
import { PhotosPanel } from './PhotosPanel.tsx';
import { RecordPdfButton } from './RecordPdfButton.tsx';
import { RecordConflicts } from './RecordConflicts.tsx';
import { ReviewActions } from './ReviewActions.tsx';
import { ReviewHistory } from './ReviewHistory.tsx';
import { RevisionsPanel } from './RevisionsPanel.tsx';

export function RecordViewScreen({ recordId }: { recordId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const dateTime = useDateTime();
  const detail = useOfficeData(() => getRecordDetail(recordId), [recordId]);
  const record = detail.data?.record;
  const form = useFormDefinition(record?.formId, record?.formVersion);
  const points = useMemo<MapPoint[]>(
    () => (detail.data?.location && record ? [{ id: record.id, lat: detail.data.location.lat, lon: detail.data.location.lon, status: record.status }] : []),
    [detail.data, record],
  );
  const userName = (id: string | null | undefined) => (id ? (detail.data?.users[id] ?? id) : '—');
  const back = () => void navigate({ name: 'office', page: 'queue', query: recallQuery('queue') });

  return (
    <section className="screen office-screen office-record" data-testid="office-record" data-record-id={recordId} data-status={record?.status ?? ''}>
      <div className="screen-head">
        <button type="button" className="btn btn-ghost" onClick={back} data-testid="office-back">
          ← {t('office.record.back')}
        </button>
        <div className="office-record-heading">
          <h2 className="screen-title" data-testid="office-record-title">{record?.summary?.title || t('records.untitled')}</h2>
          {record?.summary?.subtitle && <span className="muted" data-testid="office-record-subtitle">{record.summary.subtitle}</span>}
        </div>
        {record && <OfficeStatusBadge status={shownReviewState(record)} />}
      </div>
      {detail.error && <ErrorNotice error={detail.error} onRetry={detail.reload} />}
      {detail.loading && !detail.data && <p className="loading">{t('app.loading')}</p>}
      {detail.data && record && (
        <>
          <dl className="office-facts">
            <div>
              <dt>{t('office.record.survey')}</dt>
              <dd>{form ? `${localize(form.title, language)} ${t('home.version', { version: record.formVersion })}` : record.formId}</dd>
            </div>
            <div>
              <dt>{t('office.record.owner')}</dt>
              <dd>{userName(record.ownerId)}</dd>
            </div>
            <div>
              <dt>{t('office.record.assignee')}</dt>
              <dd>{userName(record.assigneeId)}</dd>
            </div>
            <div>
              <dt>{t('office.record.updated')}</dt>
              <dd>{dateTime(record.updatedAt)}</dd>
            </div>
            <div>
              <dt>{t('office.record.revision')}</dt>
              <dd data-testid="office-revision">{record.summary?.revision ?? detail.data.revisions.length}</dd>
            </div>
            <div>
              <dt>{t('office.record.id')}</dt>
              <dd className="mono" title={record.id} data-testid="office-short-id">{shortId(record.id)}</dd>
            </div>
          </dl>
          <RecordPdfButton recordId={record.id} formId={record.formId} />
          {form === null && <p className="notice">{t('office.record.formMissing')}</p>}
          <div className="office-record-grid">
            <div className="office-record-main">
              <ReviewActions detail={detail.data} form={form ?? null} onDone={detail.reload} />
              <ReviewHistory reviews={detail.data.reviews} form={form ?? null} users={detail.data.users} />
              <OfficeEditsPanel edits={detail.data.officeEdits} form={form ?? null} users={detail.data.users} />
              <EvaluationPanel evaluation={detail.data.evaluation} form={form ?? null} />
              <RecordConflicts conflicts={detail.data.conflicts} form={form ?? null} users={detail.data.users} />
              <RevisionsPanel detail={detail.data} form={form ?? null} />
            </div>
            <aside className="office-record-side">
              <section className="office-panel" aria-labelledby="office-map-title">
                <h3 id="office-map-title" className="office-panel-title">
                  {t('office.record.map')}
                </h3>
                {detail.data.location ? <PointMap points={points} testId="record-map" /> : <p className="muted">{t('office.record.noLocation')}</p>}
              </section>
              <PhotosPanel photos={detail.data.photos} form={form ?? null} />
              <section className="office-panel" aria-labelledby="office-audit-title">
                <h3 id="office-audit-title" className="office-panel-title">
                  {t('office.record.audit')}
                </h3>
                <AuditTable entries={detail.data.audit} names={detail.data.auditNames} compact fileName={`audit-${record.id}`} />
              </section>
            </aside>
          </div>
        </>
      )}
    </section>
  );
}
