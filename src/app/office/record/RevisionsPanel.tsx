// Every submitted revision as a tab (plus the current answers when they moved on): its decision, the diff from the one before, its answers.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answers, FormDefinition } from '../../../engine/types.ts';
import { jsonEqual } from '../../../protocol/json-equal.ts';
import { useLanguage } from '../../state/appStore.ts';
import type { RecordDetail, Revision } from '../api/schemas.ts';
import { useAnswerWords, useDateTime } from '../shared/useFormat.ts';
import { AnswersTable } from './AnswersTable.tsx';
import { DiffTable } from './DiffTable.tsx';
import { diffAnswers, diffRows, type FieldChange } from './diffModel.ts';

type Selected = number | 'current';

const withoutMeta = (answers: Answers): Answers => Object.fromEntries(Object.entries(answers).filter(([key]) => !key.startsWith('@')));

export function RevisionsPanel({ detail, form }: { detail: RecordDetail; form: FormDefinition | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const words = useAnswerWords();
  const dateTime = useDateTime();
  const { revisions, diffs, record, users } = detail;
  const latest: Revision | undefined = revisions[revisions.length - 1];
  const current = useMemo(() => withoutMeta(record.answers), [record.answers]);
  const hasCurrent = !latest || !jsonEqual(current, latest.answers);
  const [selected, setSelected] = useState<Selected>(latest ? latest.revision : 'current');

  const revision = selected === 'current' ? undefined : revisions.find((r) => r.revision === selected);
  const previous: Revision | undefined = selected === 'current' ? latest : revisions.find((r) => r.revision === (revision?.revision ?? 0) - 1);
  const answers = selected === 'current' ? current : (revision?.answers ?? {});
  const changes: FieldChange[] = useMemo(() => {
    if (!previous) return [];
    const sent = selected !== 'current' ? diffs.find((d) => d.from === previous.revision && d.to === selected) : undefined;
    return sent ? sent.changes : diffAnswers(previous.answers, answers);
  }, [previous, selected, diffs, answers]);
  const rows = diffRows(form, changes, language, words);
  const userName = (id: string | null) => (id ? (users[id] ?? id) : '—');

  return (
    <section className="office-panel" aria-labelledby="office-revisions-title" data-testid="office-revisions" data-count={revisions.length}>
      <h3 id="office-revisions-title" className="office-panel-title">
        {t('office.revisions.title')}
      </h3>
      {revisions.length === 0 && <p className="muted">{t('office.revisions.none')}</p>}
      <div className="office-revision-tabs" role="tablist">
        {revisions.map((r) => (
          <button key={r.revision} type="button" role="tab" aria-selected={selected === r.revision} className={`office-revision-tab ${selected === r.revision ? 'is-active' : ''}`} onClick={() => setSelected(r.revision)} data-testid={`revision-tab-${r.revision}`}>
            <strong>{t('office.revisions.name', { revision: r.revision })}</strong>
            <span className={`badge badge-rev-${r.status}`}>{t(`office.revisionStatus.${r.status}`)}</span>
            <span className="muted">{dateTime(r.submittedAt)}</span>
          </button>
        ))}
        {hasCurrent && revisions.length > 0 && (
          <button type="button" role="tab" aria-selected={selected === 'current'} className={`office-revision-tab ${selected === 'current' ? 'is-active' : ''}`} onClick={() => setSelected('current')} data-testid="revision-tab-current">
            <strong>{t('office.revisions.current')}</strong>
            <span className="muted">{t('office.revisions.currentHint')}</span>
          </button>
        )}
      </div>
      {revision && (
        <p className="office-revision-meta" data-testid="revision-meta">
          {t('office.revisions.submitted', { by: userName(revision.submittedBy), at: dateTime(revision.submittedAt) })}
          {revision.decidedAt && <> · {t(`office.revisions.decided.${revision.status}`, { by: userName(revision.decidedBy), at: dateTime(revision.decidedAt), defaultValue: '' })}</>}
          {revision.reason && <> · {t('office.revisions.reason', { reason: revision.reason })}</>}
        </p>
      )}
      {previous && <DiffTable rows={rows} from={previous.revision} to={selected} />}
      <AnswersTable form={form} answers={answers} changedPaths={rows.map((r) => r.path)} />
    </section>
  );
}
