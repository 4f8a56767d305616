// A failed office request in plain words (the code's i18n text), with a retry button and, when the login is missing or expired, a login button.
import { useTranslation } from 'react-i18next';
import type { OfficeError } from '../api/officeError.ts';
import { navigate } from '../../state/routeStore.ts';
import { officeErrorText } from './officeErrorText.ts';

const LOGIN_CODES = new Set(['E_NOT_LOGGED_IN', 'E_UNAUTHENTICATED', 'E_TOKEN_EXPIRED', 'E_SESSION_IDLE']);

export function ErrorNotice({ error, onRetry }: { error: OfficeError; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice-error office-error" role="alert" data-testid="office-error" data-code={error.code}>
      <p>{officeErrorText(t, error.code)}</p>
      <div className="row">
        {onRetry && error.code !== 'E_NOT_LOGGED_IN' && (
          <button type="button" className="btn" onClick={onRetry}>
            {t('office.retry')}
          </button>
        )}
        {LOGIN_CODES.has(error.code) && (
          <button type="button" className="btn btn-primary" onClick={() => void navigate({ name: 'login' })}>
            {t('office.login')}
          </button>
        )}
      </div>
    </div>
  );
}
