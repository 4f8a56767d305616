// The "CSV" button under every office table: builds the file in the browser from the rows on screen.
import { useTranslation } from 'react-i18next';
import { buildCsv, type CsvValue } from './csv.ts';
import { saveText } from '../../saveFile.ts';

export function CsvButton({ fileName, header, rows, testId }: { fileName: string; header: string[]; rows: CsvValue[][]; testId?: string }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="btn" onClick={() => saveText(buildCsv(header, rows), `${fileName}.csv`)} disabled={rows.length === 0} data-testid={testId ?? 'csv-download'}>
      ⤓ {t('office.csv')}
    </button>
  );
}
