// The record's conflicts: open ones (with a link to resolve them in the conflict queue) and resolved ones with the choice and its reason.
import { useTranslation } from 'react-i18next';
import type { FormDefinition } from '../../../engine/types.ts';
import { useLanguage } from '../../state/appStore.ts';
import { navigate } from '../../state/routeStore.ts';
import type { ConflictItem } from '../api/schemas.ts';
import { pathLabel } from '../shared/answerRows.ts';
import { formatAnswer } from '../shared/formatAnswer.ts';
import { definitionAt } from '../../editor/paths.ts';
import { useAnswerWords, useDateTime } from '../shared/useFormat.ts';

export function RecordConflicts({ conflicts, form, users }: { conflicts: readonly ConflictItem[]; form: FormDefinition | null; users: Record<string, string> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const words = useAnswerWords();
  const dateTime = useDateTime();
  if (conflicts.length === 0) return null;
  const open = conflicts.filter((c) => c.status === 'open');
  const show = (path: string, value: unknown) => formatAnswer(form, form ? definitionAt(form, path) : null, value, language, words) || '—';
  return (
    <section className="office-panel" aria-labelledby="office-conflicts-title" data-testid="office-record-conflicts" data-open={open.length}>
      <h3 id="office-conflicts-title" className="office-panel-title">
        {t('office.record.conflicts', { count: open.length })}
      </h3>
      <ul className="office-findings">
        {conflicts.map((conflict) => (
          <li key={conflict.id} className={`office-finding ${conflict.status === 'open' ? 'is-error' : ''}`} data-testid="office-record-conflict" data-status={conflict.status}>
            <strong>{pathLabel(form, conflict.path, language)}</strong>{' '}
            {conflict.status === 'open' ? (
              <>
                {t('office.record.conflictOpen', { values: conflict.candidates.map((c) => show(conflict.path, c.value)).join(' / ') })}{' '}
                <button type="button" className="btn-link" onClick={() => void navigate({ name: 'office', page: 'conflicts', query: `record=${encodeURIComponent(conflict.recordId)}` })} data-testid="office-resolve-link">
                  {t('office.record.resolve')}
                </button>
              </>
            ) : (
              conflict.resolution && (
                <span>
                  {t('office.record.conflictResolved', {
                    value: show(conflict.path, conflict.resolution.value),
                    by: users[conflict.resolution.by] ?? conflict.resolution.by,
                    at: dateTime(conflict.resolution.at),
                    reason: conflict.resolution.reason,
                  })}
                </span>
              )
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
