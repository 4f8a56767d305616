// A secret the server answers only once (an API token, a webhook's signing key): shown to copy, gone when the admin confirms.
import { useTranslation } from 'react-i18next';

interface Props {
  title: string;
  hint: string;
  secret: string;
  doneLabel: string;
  onDone: () => void;
  testId: string;
}

export function SecretOnce({ title, hint, secret, doneLabel, onDone, testId }: Props) {
  const { t } = useTranslation();
  return (
    <div className="notice notice-warning office-secret" role="status" data-testid={testId}>
      <p><strong>{title}</strong></p>
      <p>{hint}</p>
      <p><code className="issued-password" data-testid={`${testId}-value`}>{secret}</code></p>
      <div className="row">
        <button type="button" className="btn" onClick={() => void navigator.clipboard?.writeText(secret).catch(() => undefined)}>{t('office.admin.copy')}</button>
        <button type="button" className="btn btn-primary" onClick={onDone}>{doneLabel}</button>
      </div>
    </div>
  );
}
