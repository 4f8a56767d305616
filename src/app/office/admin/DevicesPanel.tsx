// 端末: every device that logged in, with its user's display name (and login), first registration, last contact and state; revoke one after a confirmation.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminDevice } from '../../../protocol/office/device-admin.ts';
import { listAdminDevices, revokeAdminDevice } from '../api/officeApi.ts';
import { asOfficeError, type OfficeError } from '../api/officeError.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { tokyoDateTime } from '../shared/tokyoTime.ts';
import { useOfficeData } from '../shared/useOfficeData.ts';

/** Live devices first, each group by last contact (newest first). */
function byUse(a: AdminDevice, b: AdminDevice): number {
  if ((a.revokedAt === null) !== (b.revokedAt === null)) return a.revokedAt === null ? -1 : 1;
  return (b.lastSeenAt ?? b.registeredAt).localeCompare(a.lastSeenAt ?? a.registeredAt);
}

export function DevicesPanel() {
  const { t } = useTranslation();
  const devices = useOfficeData(() => listAdminDevices(), []);
  const [error, setError] = useState<OfficeError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const userText = (d: AdminDevice) => (d.displayName ? `${d.displayName}（${d.username ?? ''}）` : t('office.admin.devices.unknownUser'));

  const revoke = async (device: AdminDevice) => {
    if (!window.confirm(t('office.admin.devices.confirmRevoke', { user: device.displayName ?? t('office.admin.devices.unknownUser'), device: device.label }))) return;
    setError(null);
    setDone(null);
    try {
      await revokeAdminDevice(device.id);
      setDone(t('office.admin.devices.done', { device: device.label }));
      devices.reload();
    } catch (caught) {
      setError(asOfficeError(caught));
    }
  };

  const list = [...(devices.data?.devices ?? [])].sort(byUse);
  return (
    <section className="office-panel" aria-labelledby="admin-devices-title" data-testid="admin-devices">
      <h3 id="admin-devices-title" className="office-panel-title">{t('office.admin.devices.title')}</h3>
      <p className="hint">{t('office.admin.devices.hint')}</p>
      {done && <p className="notice" role="status" data-testid="device-revoked">{done}</p>}
      {error && <ErrorNotice error={error} />}
      {devices.error && <ErrorNotice error={devices.error} onRetry={devices.reload} />}
      {devices.data && list.length === 0 && <p className="muted">{t('office.admin.devices.none')}</p>}
      {list.length > 0 && (
        <div className="office-table-wrap">
          <table className="office-table" data-testid="devices-table">
            <thead>
              <tr>
                <th scope="col">{t('office.admin.devices.label')}</th>
                <th scope="col">{t('office.admin.devices.user')}</th>
                <th scope="col">{t('office.admin.devices.registered')}</th>
                <th scope="col">{t('office.admin.devices.lastSeen')}</th>
                <th scope="col">{t('office.admin.devices.state')}</th>
                <th scope="col"><span className="visually-hidden">{t('office.users.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {list.map((d) => (
                <tr key={d.id} data-testid="device-row" data-device-id={d.id} data-revoked={d.revokedAt ? 'true' : 'false'}>
                  <th scope="row">{d.label}</th>
                  <td className="office-min-8">{userText(d)}</td>
                  <td className="office-nowrap">{tokyoDateTime(d.registeredAt)}</td>
                  <td className="office-nowrap">{d.lastSeenAt ? tokyoDateTime(d.lastSeenAt) : t('office.admin.devices.never')}</td>
                  <td>
                    {d.revokedAt ? (
                      <>
                        <span className="badge badge-conflict">{t('office.admin.devices.revoked')}</span>
                        <br />
                        <span className="muted office-nowrap">{tokyoDateTime(d.revokedAt)}</span>
                      </>
                    ) : (
                      <span className="badge badge-approved">{t('office.admin.devices.active')}</span>
                    )}
                  </td>
                  <td>
                    {!d.revokedAt && (
                      <button type="button" className="btn btn-danger" onClick={() => void revoke(d)} data-testid="device-revoke">
                        {t('office.admin.devices.revoke')}
                      </button>
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
