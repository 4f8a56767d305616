// Webhook: register a destination for approved records (its signing key shown once), list them with state and the last delivery's outcome, pause or resume one.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebhookDeliveryMessage, WebhookMessage } from '../../../protocol/office/index.ts';
import { createWebhook, lastWebhookDelivery, listWebhooks, updateWebhook } from '../api/officeApi.ts';
import { asOfficeError, type OfficeError } from '../api/officeError.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { tokyoDateTime } from '../shared/tokyoTime.ts';
import { useOfficeData } from '../shared/useOfficeData.ts';
import { SecretOnce } from './SecretOnce.tsx';

interface Listed {
  webhook: WebhookMessage;
  last: WebhookDeliveryMessage | null;
}

async function loadWebhooks(): Promise<Listed[]> {
  const { webhooks } = await listWebhooks();
  return Promise.all(webhooks.map(async (webhook) => ({ webhook, last: await lastWebhookDelivery(webhook.id) })));
}

export function WebhooksPanel({ personName }: { personName: (id: string) => string }) {
  const { t } = useTranslation();
  const hooks = useOfficeData(loadWebhooks, []);
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<OfficeError | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^https:\/\/\S+$/i.test(url.trim())) return setProblem(t('office.admin.webhooks.needUrl'));
    setProblem(null);
    setError(null);
    setBusy(true);
    try {
      const answer = await createWebhook({ url: url.trim(), ...(description.trim() ? { description: description.trim() } : {}) });
      setSecret(answer.secret);
      setUrl('');
      setDescription('');
      hooks.reload();
    } catch (caught) {
      setError(asOfficeError(caught));
    } finally {
      setBusy(false);
    }
  };

  const setActive = async (webhook: WebhookMessage, active: boolean) => {
    setError(null);
    try {
      await updateWebhook(webhook.id, { active });
      hooks.reload();
    } catch (caught) {
      setError(asOfficeError(caught));
    }
  };

  const lastText = (last: WebhookDeliveryMessage | null) => {
    if (!last) return <span className="muted">{t('office.admin.webhooks.noDelivery')}</span>;
    const at = tokyoDateTime(last.updatedAt);
    if (last.status === 'dead') {
      return <><span className="badge badge-conflict">{t('office.admin.webhooks.dead')}</span><br /><span className="muted">{t('office.admin.webhooks.deadDetail', { at, attempts: last.attempts })}</span></>;
    }
    return <><span className="badge badge-approved">{t(`office.admin.webhooks.${last.status}`)}</span><br /><span className="muted">{at}</span></>;
  };

  const list = hooks.data ?? [];
  return (
    <section className="office-panel" aria-labelledby="admin-webhooks-title" data-testid="admin-webhooks">
      <h3 id="admin-webhooks-title" className="office-panel-title">{t('office.admin.webhooks.title')}</h3>
      <p className="hint">{t('office.admin.webhooks.hint')}</p>
      {secret && (
        <SecretOnce title={t('office.admin.webhooks.secretTitle')} hint={t('office.admin.webhooks.secretHint')} secret={secret}
          doneLabel={t('office.admin.webhooks.secretDone')} onDone={() => setSecret(null)} testId="webhook-secret" />
      )}
      <form className="office-filters office-admin-form" onSubmit={(e) => void submit(e)} data-testid="webhook-form">
        <label className="office-field office-grow">
          <span>{t('office.admin.webhooks.url')}</span>
          <input className="input" type="url" value={url} maxLength={2000} placeholder={t('office.admin.webhooks.urlPlaceholder')} onChange={(e) => setUrl(e.target.value)} data-testid="webhook-url" />
        </label>
        <label className="office-field">
          <span>{t('office.admin.webhooks.description')}</span>
          <input className="input" value={description} maxLength={500} onChange={(e) => setDescription(e.target.value)} data-testid="webhook-description" />
        </label>
        <fieldset className="office-field office-checks">
          <legend>{t('office.admin.webhooks.events')}</legend>
          <label className="office-check">
            <input type="checkbox" checked disabled readOnly />
            {t('office.admin.webhooks.eventApproved')}
          </label>
        </fieldset>
        <div className="office-field">
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="webhook-create">{t('office.admin.webhooks.create')}</button>
        </div>
      </form>
      <p className="hint">{t('office.admin.webhooks.eventNote')}</p>
      {problem && <p className="notice notice-error" role="alert">{problem}</p>}
      {error && <ErrorNotice error={error} />}
      {hooks.error && <ErrorNotice error={hooks.error} onRetry={hooks.reload} />}
      {hooks.data && list.length === 0 && <p className="muted">{t('office.admin.webhooks.none')}</p>}
      {list.length > 0 && (
        <div className="office-table-wrap">
          <table className="office-table" data-testid="webhooks-table">
            <thead>
              <tr>
                <th scope="col">{t('office.admin.webhooks.url')}</th>
                <th scope="col">{t('office.admin.webhooks.description')}</th>
                <th scope="col">{t('office.admin.webhooks.state')}</th>
                <th scope="col">{t('office.admin.webhooks.lastDelivery')}</th>
                <th scope="col">{t('office.admin.webhooks.createdBy')}</th>
                <th scope="col"><span className="visually-hidden">{t('office.users.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {list.map(({ webhook, last }) => (
                <tr key={webhook.id} data-testid="webhook-row" data-url={webhook.url} data-active={webhook.active ? 'true' : 'false'}>
                  <th scope="row" className="office-break">{webhook.url}</th>
                  <td>{webhook.description || '—'}</td>
                  <td className="office-nowrap">
                    {webhook.active ? <span className="badge badge-approved">{t('office.admin.webhooks.active')}</span> : <span className="badge badge-warning">{t('office.admin.webhooks.paused')}</span>}
                  </td>
                  <td data-testid="webhook-last">{lastText(last)}</td>
                  <td>{personName(webhook.createdBy)}<br /><span className="muted">{tokyoDateTime(webhook.createdAt)}</span></td>
                  <td>
                    <button type="button" className="btn" onClick={() => void setActive(webhook, !webhook.active)} data-testid="webhook-toggle">
                      {webhook.active ? t('office.admin.webhooks.pause') : t('office.admin.webhooks.resume')}
                    </button>
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
