// The technical side of an error (server code, browser message) folded away under 「詳細」: there for support, never the headline.
import { useTranslation } from 'react-i18next';

export function ErrorDetails({ detail }: { detail: string | undefined }) {
  const { t } = useTranslation();
  if (!detail) return null;
  return (
    <details className="error-details" data-testid="error-details">
      <summary>{t('sync.detail')}</summary>
      <p className="hint mono" lang="en">{detail}</p>
    </details>
  );
}
