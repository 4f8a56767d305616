// APIトークン: issue one with a name, permissions and an optional expiry (its secret shown once), list them with who issued them, revoke one.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { API_SCOPES, type ApiScopeName, type ApiTokenMessage } from '../../../protocol/office/api-token.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '../api/officeApi.ts';
import { asOfficeError, type OfficeError } from '../api/officeError.ts';
import { dayEndIso } from '../queue/queueFilters.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { tokyoDateTime } from '../shared/tokyoTime.ts';
import { useOfficeData } from '../shared/useOfficeData.ts';
import { SecretOnce } from './SecretOnce.tsx';

/** i18next reads ':' as a namespace separator, so 'handoff:read' is looked up as 'handoff_read'. */
const scopeKey = (scope: ApiScopeName) => scope.replace(':', '_');

const EMPTY = { name: '', scopes: [] as ApiScopeName[], expires: '' };

export function TokensPanel({ personName }: { personName: (id: string) => string }) {
  const { t } = useTranslation();
  const tokens = useOfficeData(() => listApiTokens(), []);
  const [draft, setDraft] = useState(EMPTY);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<OfficeError | null>(null);
  const [issued, setIssued] = useState<{ name: string; secret: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const toggle = (scope: ApiScopeName) =>
    setDraft((d) => ({ ...d, scopes: d.scopes.includes(scope) ? d.scopes.filter((s) => s !== scope) : [...d.scopes, scope] }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft.name.trim()) return setProblem(t('office.admin.tokens.needName'));
    if (draft.scopes.length === 0) return setProblem(t('office.admin.tokens.needScope'));
    setProblem(null);
    setError(null);
    setBusy(true);
    try {
      // The expiry is the end of the chosen day in Tokyo.
      const answer = await createApiToken({ name: draft.name.trim(), scopes: draft.scopes, ...(draft.expires ? { expiresAt: dayEndIso(draft.expires) } : {}) });
      setIssued({ name: answer.token.name, secret: answer.secret });
      setDraft(EMPTY);
      tokens.reload();
    } catch (caught) {
      setError(asOfficeError(caught));
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (token: ApiTokenMessage) => {
    if (!window.confirm(t('office.admin.tokens.confirmRevoke', { name: token.name }))) return;
    setError(null);
    try {
      await revokeApiToken(token.id);
      tokens.reload();
    } catch (caught) {
      setError(asOfficeError(caught));
    }
  };

  const state = (token: ApiTokenMessage) => {
    if (token.revokedAt) return <><span className="badge badge-conflict">{t('office.admin.tokens.revoked')}</span><br /><span className="muted office-nowrap">{tokyoDateTime(token.revokedAt)}</span></>;
    if (token.expiresAt && Date.parse(token.expiresAt) <= Date.now()) return <span className="badge badge-warning">{t('office.admin.tokens.expired')}</span>;
    return <span className="badge badge-approved">{t('office.admin.tokens.active')}</span>;
  };

  const list = tokens.data?.tokens ?? [];
  return (
    <section className="office-panel" aria-labelledby="admin-tokens-title" data-testid="admin-tokens">
      <h3 id="admin-tokens-title" className="office-panel-title">{t('office.admin.tokens.title')}</h3>
      <p className="hint">{t('office.admin.tokens.hint')}</p>
      {issued && (
        <SecretOnce title={t('office.admin.tokens.secretTitle', { name: issued.name })} hint={t('office.admin.tokens.secretHint')} secret={issued.secret}
          doneLabel={t('office.admin.tokens.secretDone')} onDone={() => setIssued(null)} testId="token-secret" />
      )}
      <form className="office-filters office-admin-form" onSubmit={(e) => void submit(e)} data-testid="token-form">
        <label className="office-field">
          <span>{t('office.admin.tokens.name')}</span>
          <input className="input" value={draft.name} maxLength={100} placeholder={t('office.admin.tokens.namePlaceholder')} onChange={(e) => setDraft((d) => ({ ...d, name: e.target.value }))} data-testid="token-name" />
        </label>
        <fieldset className="office-field office-checks">
          <legend>{t('office.admin.tokens.scopes')}</legend>
          {API_SCOPES.map((scope) => (
            <label key={scope} className="office-check">
              <input type="checkbox" checked={draft.scopes.includes(scope)} onChange={() => toggle(scope)} data-testid={`token-scope-${scope}`} />
              {t(`office.admin.tokens.scope.${scopeKey(scope)}`)}
            </label>
          ))}
        </fieldset>
        <label className="office-field">
          <span>{t('office.admin.tokens.expires')}</span>
          <input type="date" className="input input-date" value={draft.expires} onChange={(e) => setDraft((d) => ({ ...d, expires: e.target.value }))} data-testid="token-expires" />
        </label>
        <div className="office-field">
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="token-create">{t('office.admin.tokens.create')}</button>
        </div>
      </form>
      {problem && <p className="notice notice-error" role="alert">{problem}</p>}
      {error && <ErrorNotice error={error} />}
      {tokens.error && <ErrorNotice error={tokens.error} onRetry={tokens.reload} />}
      {tokens.data && list.length === 0 && <p className="muted">{t('office.admin.tokens.none')}</p>}
      {list.length > 0 && (
        <div className="office-table-wrap">
          <table className="office-table" data-testid="tokens-table">
            <thead>
              <tr>
                <th scope="col">{t('office.admin.tokens.name')}</th>
                <th scope="col">{t('office.admin.tokens.scopes')}</th>
                <th scope="col">{t('office.admin.tokens.createdBy')}</th>
                <th scope="col">{t('office.admin.tokens.createdAt')}</th>
                <th scope="col">{t('office.admin.tokens.expiresColumn')}</th>
                <th scope="col">{t('office.admin.tokens.lastUsed')}</th>
                <th scope="col">{t('office.admin.tokens.state')}</th>
                <th scope="col"><span className="visually-hidden">{t('office.users.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {list.map((token) => (
                <tr key={token.id} data-testid="token-row" data-name={token.name} data-revoked={token.revokedAt ? 'true' : 'false'}>
                  <th scope="row">{token.name}</th>
                  <td className="office-min-8">{token.scopes.map((s) => t(`office.admin.tokens.scope.${scopeKey(s)}`)).join('、')}</td>
                  <td className="office-min-6">{personName(token.createdBy)}</td>
                  <td className="office-nowrap">{tokyoDateTime(token.createdAt)}</td>
                  <td className="office-nowrap">{token.expiresAt ? tokyoDateTime(token.expiresAt) : t('office.admin.tokens.noExpiry')}</td>
                  <td className="office-nowrap">{tokyoDateTime(token.lastUsedAt)}</td>
                  <td>{state(token)}</td>
                  <td>
                    {!token.revokedAt && (
                      <button type="button" className="btn btn-danger" onClick={() => void revoke(token)} data-testid="token-revoke">{t('office.admin.tokens.revoke')}</button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
