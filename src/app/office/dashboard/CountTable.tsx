// A small two-column table (name, count) with its CSV button: counts by status and by result, each count optionally a link.
import { useTranslation } from 'react-i18next';
import { CsvButton } from '../shared/CsvButton.tsx';

interface Props {
  rows: { key: string; label: string; count: number }[];
  nameHeader: string;
  fileName: string;
  testId: string;
  /** When given, each count is a link (e.g. to the queue filtered on that status). */
  onOpen?: (key: string) => void;
}

export function CountTable({ rows, nameHeader, fileName, testId, onOpen }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <table className="office-table is-compact" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{nameHeader}</th>
            <th scope="col" className="num">{t('office.dashboard.count')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-key={row.key}>
              <th scope="row">{row.label}</th>
              <td className="num">
                {onOpen ? (
                  <button type="button" className="btn-link office-count-link" onClick={() => onOpen(row.key)} data-count={row.count}>
                    {row.count}
                  </button>
                ) : (
                  row.count
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <CsvButton fileName={fileName} header={[nameHeader, t('office.dashboard.count')]} rows={rows.map((r) => [r.label, r.count])} testId={`${testId}-csv`} />
    </>
  );
}
