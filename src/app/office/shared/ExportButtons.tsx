// Buttons for the server's exports (CSV, GeoJSON, XLSX) of the records matching the current filters; the file comes with the login's token, its progress shown while it is built and received.
import { useTranslation } from 'react-i18next';
import { downloadExport, type ExportFormat } from '../api/officeApi.ts';
import { ExportProgress } from './ExportProgress.tsx';
import { useExportDownload } from './useExportDownload.ts';

const FORMATS: readonly ExportFormat[] = ['csv', 'geojson', 'xlsx'];

export function ExportButtons({ query }: { query: URLSearchParams }) {
  const { t } = useTranslation();
  const { running, error, saved, start } = useExportDownload<ExportFormat>();

  return (
    <div className="office-exports" role="group" aria-label={t('office.export.title')} aria-busy={running !== null}>
      <span className="muted">{t('office.export.title')}</span>
      {FORMATS.map((format) => (
        <button
          key={format}
          type="button"
          className="btn"
          onClick={() => void start(format, (onProgress) => downloadExport(format, query, onProgress), `genba-export.${format}`)}
          disabled={running !== null}
          data-testid={`export-${format}`}
        >
          {running?.key === format ? (
            <>
              <span className="office-spinner" aria-hidden="true" />
              {t('office.export.busy')}
            </>
          ) : (
            t(`office.export.${format}`)
          )}
        </button>
      ))}
      <ExportProgress running={running !== null} progress={running?.progress ?? null} error={error} saved={saved} />
    </div>
  );
}
