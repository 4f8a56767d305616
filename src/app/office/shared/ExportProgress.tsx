// What an export is doing, in words and a bar: indeterminate while the server builds the file, a percentage while it arrives (when the size is known), then the saved file's name or the error.
import { useTranslation } from 'react-i18next';
import type { DownloadProgress } from '../api/officeApi.ts';
import type { OfficeError } from '../api/officeError.ts';
import { officeErrorText } from './officeErrorText.ts';

function kilobytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function ExportProgress({ running, progress, error, saved }: { running: boolean; progress: DownloadProgress | null; error: OfficeError | null; saved: string | null }) {
  const { t } = useTranslation();
  if (running) {
    const percent = progress?.total ? Math.min(100, Math.floor((progress.received / progress.total) * 100)) : null;
    const text = !progress
      ? t('office.export.building')
      : percent !== null
        ? t('office.export.receivingPercent', { percent })
        : t('office.export.receivingBytes', { size: kilobytes(progress.received) });
    return (
      <span className="office-export-progress" role="status" data-testid="export-progress">
        {percent !== null ? <progress max={100} value={percent} aria-label={text} /> : <progress aria-label={text} />}
        <span>{text}</span>
      </span>
    );
  }
  if (error) {
    return (
      <span className="text-error" role="alert">
        {officeErrorText(t, error.code)}
      </span>
    );
  }
  return saved ? (
    <span className="muted" role="status" data-testid="export-saved">
      {t('office.export.saved', { name: saved })}
    </span>
  ) : null;
}
