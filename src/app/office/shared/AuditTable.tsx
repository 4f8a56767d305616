// Audit entries in words (when in Tokyo time, who by display name, what as a sentence, which record by title, which device), technical detail folded; used by the audit screen and the record view.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditNames } from '../../../protocol/office/index.ts';
import { navigate } from '../../state/routeStore.ts';
import type { AuditEntry } from '../api/schemas.ts';
import { describeAudit, type AuditDescription } from '../audit/describeAudit.ts';
import { CsvButton } from './CsvButton.tsx';
import { phraseText } from './phraseText.ts';
import { shortIds } from './shortId.ts';

interface Props {
  entries: readonly AuditEntry[];
  names: AuditNames;
  compact?: boolean;
  fileName: string;
}

function Technical({ rows }: { rows: AuditDescription['technical'] }) {
  const { t } = useTranslation();
  return (
    <details className="office-technical">
      <summary>{t('office.auditText.technical')}</summary>
      <dl>
        {rows.map(([key, value]) => (
          <div key={key}>
            <dt>{key}</dt>
            <dd className="mono">{value}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

export function AuditTable({ entries, names, compact = false, fileName }: Props) {
  const { t } = useTranslation();
  const described = useMemo(() => entries.map((entry) => ({ entry, text: describeAudit(entry, names) })), [entries, names]);
  const shorts = useMemo(() => shortIds(entries.flatMap((e) => (e.recordId ? [e.recordId] : []))), [entries]);
  if (entries.length === 0) return <p className="muted">{t('office.audit.empty')}</p>;
  const recordText = (record: AuditDescription['record']) => (record ? `${record.title ?? t('office.auditText.noTitle')} ${shorts.get(record.id) ?? ''}` : '');
  const c = 'office.auditText.columns';
  const csv = (
    <CsvButton
      fileName={fileName}
      header={[t(`${c}.when`), t(`${c}.who`), t(`${c}.what`), t(`${c}.record`), t(`${c}.device`), t('office.audit.columns.ip')]}
      rows={described.map(({ entry, text }) => [
        text.when, phraseText(t, text.who), phraseText(t, text.what) + (text.note ? ` ${t('office.auditText.reason', { reason: text.note })}` : ''),
        recordText(text.record), text.device ? phraseText(t, text.device) : '', entry.ip,
      ])}
      testId="audit-csv"
    />
  );
  const sentence = (text: AuditDescription) => (
    <>
      <span className="office-audit-what">{phraseText(t, text.what)}</span>
      {text.note && <span className="office-audit-note">{t('office.auditText.reason', { reason: text.note })}</span>}
    </>
  );
  // A narrow side panel (the record view) gets a list of sentences: a table would leave a few characters per column.
  if (compact) {
    return (
      <>
        <ul className="office-audit-list" data-testid="audit-table">
          {described.map(({ entry, text }) => (
            <li key={entry.seq} data-testid="audit-row" data-action={entry.action}>
              <span className="office-audit-head">
                <strong>{phraseText(t, text.who)}</strong> <span className="muted">{text.when}</span>
              </span>
              {sentence(text)}
              {text.device && <span className="muted">{t('office.auditText.onDevice', { device: phraseText(t, text.device) })}</span>}
              <Technical rows={text.technical} />
            </li>
          ))}
        </ul>
        {csv}
      </>
    );
  }
  return (
    <>
      <div className="office-table-wrap">
        <table className="office-table office-audit-table" data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col">{t(`${c}.when`)}</th>
              <th scope="col">{t(`${c}.who`)}</th>
              <th scope="col">{t(`${c}.what`)}</th>
              <th scope="col">{t(`${c}.record`)}</th>
              <th scope="col">{t(`${c}.device`)}</th>
            </tr>
          </thead>
          <tbody>
            {described.map(({ entry, text }) => (
              <tr key={entry.seq} data-testid="audit-row" data-action={entry.action}>
                <td className="office-nowrap">{text.when}</td>
                <td>{phraseText(t, text.who)}</td>
                <td>
                  <div className="office-audit-cell">
                    {sentence(text)}
                    <Technical rows={text.technical} />
                  </div>
                </td>
                <td>
                  {text.record ? (
                    <button type="button" className="btn-link office-audit-record" onClick={() => void navigate({ name: 'office-record', recordId: text.record?.id ?? '' })} data-testid="audit-record-link">
                      {text.record.title ?? t('office.auditText.noTitle')} <span className="mono office-id">{shorts.get(text.record.id)}</span>
                    </button>
                  ) : (
                    '—'
                  )}
                </td>
                <td>{text.device ? phraseText(t, text.device) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {csv}
    </>
  );
}
