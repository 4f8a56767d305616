// 端末・API (admin only): the devices that logged in (revoke a lost one), API tokens for other systems and webhooks, one panel each.
import { useTranslation } from 'react-i18next';
import { listAdminUsers } from '../api/officeApi.ts';
import { useOfficeData } from '../shared/useOfficeData.ts';
import { DevicesPanel } from './DevicesPanel.tsx';
import { TokensPanel } from './TokensPanel.tsx';
import { WebhooksPanel } from './WebhooksPanel.tsx';

export function AdminScreen() {
  const { t } = useTranslation();
  const users = useOfficeData(() => listAdminUsers(), []);
  const people = new Map((users.data?.users ?? []).map((u) => [u.id, u.displayName]));
  const personName = (id: string) => people.get(id) ?? t('office.admin.devices.unknownUser');
  return (
    <section className="screen office-screen" data-testid="office-admin">
      <h2 className="screen-title">{t('office.admin.title')}</h2>
      <p className="hint">{t('office.admin.hint')}</p>
      <DevicesPanel />
      <TokensPanel personName={personName} />
      <WebhooksPanel personName={personName} />
    </section>
  );
}
