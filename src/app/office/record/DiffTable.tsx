// The changes between two revisions: one row per changed field with its value before and after (removed struck through, added underlined).
import { useTranslation } from 'react-i18next';
import type { DiffRow } from './diffModel.ts';

export function DiffTable({ rows, from, to }: { rows: readonly DiffRow[]; from: number; to: number | 'current' }) {
  const { t } = useTranslation();
  const toLabel = to === 'current' ? t('office.revisions.current') : t('office.revisions.name', { revision: to });
  return (
    <div className="office-diff" data-testid="revision-diff" data-from={from} data-to={to}>
      <h4 className="office-subtitle">{t('office.revisions.diffTitle', { from: t('office.revisions.name', { revision: from }), to: toLabel })}</h4>
      {rows.length === 0 ? (
        <p className="muted">{t('office.revisions.noChanges')}</p>
      ) : (
        <div className="office-table-wrap">
          <table className="office-table">
            <thead>
              <tr>
                <th scope="col">{t('office.revisions.field')}</th>
                <th scope="col">{t('office.revisions.before')}</th>
                <th scope="col">{t('office.revisions.after')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.path} className={`diff-${row.kind}`} data-testid="diff-row" data-path={row.path} data-kind={row.kind}>
                  <th scope="row">{row.label}</th>
                  <td>
                    <del className="diff-before" data-testid="diff-before">
                      {row.before || '—'}
                    </del>
                  </td>
                  <td>
                    <ins className="diff-after" data-testid="diff-after">
                      {row.after || '—'}
                    </ins>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
