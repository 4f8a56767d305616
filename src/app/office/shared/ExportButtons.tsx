// Buttons for the server's exports (CSV, GeoJSON, XLSX) of the records matching the current filters; the file comes with the login's token.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadExport, type ExportFormat } from '../api/officeApi.ts';
import { asOfficeError, type OfficeError } from '../api/officeError.ts';
import { officeErrorText } from './officeErrorText.ts';
import { saveBlob } from '../../saveFile.ts';

const FORMATS: readonly ExportFormat[] = ['csv', 'geojson', 'xlsx'];

export function ExportButtons({ query }: { query: URLSearchParams }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<OfficeError | null>(null);

  const download = async (format: ExportFormat) => {
    setBusy(format);
    setError(null);
    try {
      const { blob, fileName } = await downloadExport(format, query);
      saveBlob(blob, fileName ?? `genba-export.${format}`);
    } catch (caught) {
      setError(asOfficeError(caught));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="office-exports" role="group" aria-label={t('office.export.title')}>
      <span className="muted">{t('office.export.title')}</span>
      {FORMATS.map((format) => (
        <button key={format} type="button" className="btn" onClick={() => void download(format)} disabled={busy !== null} data-testid={`export-${format}`}>
          {busy === format ? t('app.loading') : t(`office.export.${format}`)}
        </button>
      ))}
      {error && (
        <span className="text-error" role="alert">
          {officeErrorText(t, error.code)}
        </span>
      )}
    </div>
  );
}
