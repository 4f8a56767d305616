// The user's own password change (tablet settings and the office): current password, new one twice, checked against the server's rule before sending.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH, passwordProblem } from '../../protocol/password-policy.ts';
import { changePassword } from './changePassword.ts';

export function ChangePasswordForm({ username, forced, onChanged }: { username: string; forced: boolean; onChanged?: () => void }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const problem = next !== again ? 'mismatch' : passwordProblem(next, username);
    if (problem) {
      setMessage({ ok: false, text: t(`account.problem.${problem}`, { min: MIN_PASSWORD_LENGTH }) });
      return;
    }
    setBusy(true);
    const result = await changePassword({ currentPassword: current, newPassword: next });
    setBusy(false);
    if (result.ok) {
      setCurrent('');
      setNext('');
      setAgain('');
      setMessage({ ok: true, text: t('account.changed') });
      onChanged?.();
      return;
    }
    const text = result.problem ? t(`account.problem.${result.problem}`, { min: MIN_PASSWORD_LENGTH, defaultValue: t('account.failed', { code: result.code }) })
      : result.code === 'E_CURRENT_PASSWORD' ? t('account.wrongCurrent') : t('account.failed', { code: result.code });
    setMessage({ ok: false, text });
  };

  return (
    <form className="password-form" onSubmit={(event) => void submit(event)} data-testid="change-password-form">
      <h2 className="section-title">{t('account.title')}</h2>
      {forced && <p className="notice notice-warning" role="status" data-testid="password-forced">{t('account.forced')}</p>}
      <p className="hint">{t('account.rule', { min: MIN_PASSWORD_LENGTH })}</p>
      <label className="field-label">
        {t('account.current')}
        <input className="input" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} required data-testid="password-current" />
      </label>
      <label className="field-label">
        {t('account.new')}
        <input className="input" type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} required data-testid="password-new" />
      </label>
      <label className="field-label">
        {t('account.again')}
        <input className="input" type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} required data-testid="password-again" />
      </label>
      {message && (
        <p className={`notice ${message.ok ? 'notice-ok' : 'notice-error'}`} role={message.ok ? 'status' : 'alert'} data-testid="password-message">
          {message.text}
        </p>
      )}
      <button type="submit" className="btn btn-primary" disabled={busy} data-testid="password-submit">
        {t('account.submit')}
      </button>
    </form>
  );
}
