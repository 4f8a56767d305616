// Shows an office screen only when it can work: online (「オフラインです」 otherwise) and logged in as a supervisor or an administrator.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { REVIEWER_ROLES, type ReviewRole } from '../../protocol/review.ts';
import { useOnline } from '../state/appStore.ts';
import { navigate } from '../state/routeStore.ts';
import { useSession } from '../sync.ts';

export function isReviewer(role: string | undefined): boolean {
  return role !== undefined && REVIEWER_ROLES.includes(role as ReviewRole);
}

export function OfflineNotice() {
  const { t } = useTranslation();
  return (
    <div className="office-offline" role="status" data-testid="office-offline">
      <p className="office-offline-title">{t('office.offline.title')}</p>
      <p>{t('office.offline.body')}</p>
    </div>
  );
}

export function OfficeGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const online = useOnline();
  const session = useSession();
  if (!online) return <OfflineNotice />;
  if (session === undefined) return <p className="loading">{t('app.loading')}</p>;
  if (session === null) {
    return (
      <div className="notice office-gate" data-testid="office-login-needed">
        <p>{t('office.loginNeeded')}</p>
        <button type="button" className="btn btn-primary" onClick={() => void navigate({ name: 'login' })}>
          {t('office.login')}
        </button>
      </div>
    );
  }
  if (!isReviewer(session.user.role)) {
    return (
      <p className="notice notice-error office-gate" data-testid="office-forbidden">
        {t('office.notAllowed')}
      </p>
    );
  }
  return <>{children}</>;
}
