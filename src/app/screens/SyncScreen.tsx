// The sync screen: who is logged in, phase and progress, last success, errors in plain words, refused changes, and "sync now".
import { useTranslation } from 'react-i18next';
import { getSetting, pendingRecordCount } from '../../data/index.ts';
import { dismissRejected, listRejected, syncErrorText } from '../../data/sync/index.ts';
import { appDb } from '../db.ts';
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { useLanguage } from '../state/appStore.ts';
import { goBack, navigate } from '../state/routeStore.ts';
import { ErrorDetails } from '../components/ErrorDetails.tsx';
import { useRejectedItems } from './rejectedItems.ts';
import { syncClient, useSession, useSyncStatus } from '../sync.ts';

const BUSY_PHASES = new Set(['uploading', 'pushing', 'pulling']);

function shortValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

export function SyncScreen() {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const status = useSyncStatus();
  const session = useSession();
  const pending = useLiveQuery(() => pendingRecordCount(appDb()), []) ?? 0;
  const rejectedOps = useLiveQuery(() => listRejected(appDb()), []);
  const rejected = useRejectedItems(rejectedOps, language);
  const ended = useLiveQuery(async () => (await getSetting(appDb(), 'sessionEnded')) ?? null, []);
  const busy = BUSY_PHASES.has(status.phase);
  // Not having logged in yet is a state, not a failure: a plain hint, no red box.
  const notLoggedIn = status.lastError?.code === 'E_NOT_LOGGED_IN';
  const dateFormat = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'ja-JP', { dateStyle: 'medium', timeStyle: 'medium' });
  const { progress } = status;

  return (
    <section className="screen" data-testid="sync-screen">
      <div className="screen-head">
        <button type="button" className="btn btn-ghost" onClick={() => void goBack({ name: 'home' })}>
          ← {t('app.back')}
        </button>
        <h1 className="screen-title">{t('sync.title')}</h1>
        {session ? (
          <button type="button" className="btn btn-primary btn-large" disabled={busy} onClick={() => void syncClient().syncNow()} data-testid="sync-now">
            {busy ? t('sync.running') : t('sync.now')}
          </button>
        ) : status.lastError?.code === 'E_DEVICE_REVOKED' ? null : (
          <button type="button" className="btn btn-primary btn-large" onClick={() => void navigate({ name: 'login' })} data-testid="sync-login">
            {t('sync.login')}
          </button>
        )}
      </div>

      <dl className="settings">
        <div className="settings-row">
          <dt>{t('settings.account')}</dt>
          <dd data-testid="sync-user">
            {session
              ? t('sync.loggedInAs', { name: session.user.displayName, role: t(`roles.${session.user.role}`, { defaultValue: session.user.role }) })
              : ended
                ? t(`sync.ended.${ended.reason}`, { name: ended.displayName })
                : t('settings.notLoggedIn')}
          </dd>
        </div>
        <div className="settings-row">
          <dt>{t('sync.title')}</dt>
          <dd data-testid="sync-phase" data-phase={status.phase}>
            {status.phase === 'unauthenticated' && status.lastError?.code === 'E_DEVICE_REVOKED' ? t('header.sync.revoked') : t(`sync.phase.${status.phase}`)}
            {busy && (
              <span className="sync-progress" data-testid="sync-progress">
                {' '}
                {status.phase === 'uploading' && t('sync.progressUpload', { done: progress.uploaded, total: progress.toUpload })}
                {status.phase === 'pushing' && t('sync.progressPush', { done: progress.pushed, total: progress.toPush })}
                {status.phase === 'pulling' && t('sync.progressPull', { count: progress.pulled })}
              </span>
            )}
          </dd>
        </div>
        <div className="settings-row">
          <dt>{t('sync.pending', { count: pending })}</dt>
          <dd data-testid="sync-last-success" data-at={status.lastSuccessAt ?? ''}>
            {status.lastSuccessAt ? t('sync.lastSuccess', { date: dateFormat.format(new Date(status.lastSuccessAt)) }) : t('sync.neverSynced')}
            {status.nextAttemptAt && (
              <>
                <br />
                <span className="hint">{t('sync.nextAttempt', { date: dateFormat.format(new Date(status.nextAttemptAt)) })}</span>
              </>
            )}
          </dd>
        </div>
      </dl>

      {notLoggedIn && !session && (
        <p className="notice" role="status" data-testid="sync-not-logged-in">
          {t('sync.notLoggedIn')}
        </p>
      )}

      {status.lastError && !notLoggedIn && !busy && (
        <div className="notice notice-error" role="alert" data-testid="sync-error" data-code={status.lastError.code}>
          <strong>{t('sync.errorTitle')}</strong>
          <p>{syncErrorText(status.lastError.code, language)}</p>
          <ErrorDetails detail={status.lastError.detail} />
          {status.phase === 'unauthenticated' && status.lastError.code !== 'E_DEVICE_REVOKED' && (
            <button type="button" className="btn btn-primary" onClick={() => void navigate({ name: 'login' })}>
              {t('sync.login')}
            </button>
          )}
          {status.lastError.code === 'E_PASSWORD_CHANGE_REQUIRED' && (
            <button type="button" className="btn btn-primary" onClick={() => void navigate({ name: 'settings' })} data-testid="sync-change-password">
              {t('sync.changePassword')}
            </button>
          )}
        </div>
      )}

      {status.forgotten && (
        <p className="notice" role="status" data-testid="sync-forgotten" data-count={status.forgotten.count}>
          {t('sync.forgotten', { count: status.forgotten.count, date: dateFormat.format(new Date(status.forgotten.at)) })}
        </p>
      )}

      {rejected.length > 0 && (
        <section className="rejected-ops" data-testid="rejected-ops">
          <h2>{t('sync.rejectedTitle', { count: rejected.length })}</h2>
          <p className="hint">{t('sync.rejectedHelp')}</p>
          <ul className="card-list">
            {rejected.map(({ op, field, recordTitle }) => (
              <li key={op.opId} className="card" data-testid="rejected-op" data-op-id={op.opId} data-path={op.path}>
                <span className="card-title">
                  {field === null
                    ? t('sync.rejectedRecordItem', { record: recordTitle || t('records.untitled') })
                    : t('sync.rejectedItem', { record: recordTitle || t('records.untitled'), field, value: shortValue(op.value) })}
                </span>
                <span className="card-meta" data-testid="rejected-reason">
                  {t('sync.rejectedReason', { reason: t(`sync.rejection.${op.rejection.code}`, { defaultValue: t('sync.rejectionFallback') }) })}
                  <ErrorDetails detail={`${op.rejection.code}: ${op.rejection.message}`} />
                </span>
                <span className="card-actions">
                  <button type="button" className="btn btn-ghost" onClick={() => void navigate({ name: 'editor', recordId: op.recordId })}>
                    {t('sync.openRecord')}
                  </button>
                  <button type="button" className="btn btn-ghost" onClick={() => void dismissRejected(appDb(), op.opId)}>
                    {t('sync.dismiss')}
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
