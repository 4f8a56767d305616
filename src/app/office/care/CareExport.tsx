// The certification system's CSV: the finished (approved) 調査票 whose approval day (JST) lies in the chosen range, from GET /api/office/care/export.csv with the login's token.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadCareExport } from '../api/officeApi.ts';
import { ExportProgress } from '../shared/ExportProgress.tsx';
import { useExportDownload } from '../shared/useExportDownload.ts';
import { careExportQuery } from './careFilters.ts';

export function CareExport() {
  const { t } = useTranslation();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const { running, error, saved, start } = useExportDownload<'care'>();
  const busy = running !== null;
  const download = () => start('care', (onProgress) => downloadCareExport(careExportQuery(from, to), onProgress), 'care-assessments.csv');

  return (
    <section className="office-panel" aria-labelledby="care-export-title">
      <h3 id="care-export-title" className="office-panel-title">{t('office.care.export.title')}</h3>
      <p className="hint">{t('office.care.export.hint')}</p>
      <div className="office-exports">
        <label className="office-field">
          <span>{t('office.care.export.from')}</span>
          <input type="date" className="input input-date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="care-export-from" />
        </label>
        <label className="office-field">
          <span>{t('office.care.export.to')}</span>
          <input type="date" className="input input-date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="care-export-to" />
        </label>
        <button type="button" className="btn" onClick={() => void download()} disabled={busy} data-testid="care-export">
          {busy ? <span className="office-spinner" aria-hidden="true" /> : '⤓ '}
          {busy ? t('office.export.busy') : t('office.care.export.download')}
        </button>
        <ExportProgress running={busy} progress={running?.progress ?? null} error={error} saved={saved} />
      </div>
    </section>
  );
}
