// 監査ログ: the append-only log searched by user, record, action and days (in the URL), newest first, older pages on demand.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UserSelect } from '../shared/FilterSelects.tsx';
import { AUDIT_ACTIONS, type AuditNames } from '../../../protocol/office/index.ts';
import { listAudit } from '../api/officeApi.ts';
import { asOfficeError, type OfficeError } from '../api/officeError.ts';
import type { AuditEntry } from '../api/schemas.ts';
import { AuditTable } from '../shared/AuditTable.tsx';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { rememberQuery } from '../shared/lastQuery.ts';
import { useOfficeData } from '../shared/useOfficeData.ts';
import { useUrlQuery } from '../shared/useUrlQuery.ts';
import { useUsers } from '../shared/useUsers.ts';
import { auditApiQuery, auditFiltersFromQuery, auditFiltersToQuery, type AuditFilters } from './auditFilters.ts';

const PAGE_SIZE = 100;
const NO_NAMES: AuditNames = { users: {}, devices: {}, records: {} };

function mergeNames(a: AuditNames | undefined, b: AuditNames | undefined): AuditNames {
  const x = a ?? NO_NAMES;
  const y = b ?? NO_NAMES;
  return { users: { ...x.users, ...y.users }, devices: { ...x.devices, ...y.devices }, records: { ...x.records, ...y.records } };
}

export function AuditScreen() {
  const { t } = useTranslation();
  const [query, setQuery] = useUrlQuery();
  const filters = useMemo(() => auditFiltersFromQuery(query), [query]);
  useEffect(() => rememberQuery('audit', query), [query]);
  const users = useUsers();
  const apiQuery = auditApiQuery(filters, { limit: PAGE_SIZE }).toString();
  const first = useOfficeData(() => listAudit(new URLSearchParams(apiQuery)), [apiQuery]);
  const [older, setOlder] = useState<{ forQuery: string; entries: AuditEntry[]; next: string | null; names: AuditNames } | null>(null);
  const [olderError, setOlderError] = useState<OfficeError | null>(null);
  const [loading, setLoading] = useState(false);
  const [recordText, setRecordText] = useState(filters.recordId);
  useEffect(() => setRecordText(filters.recordId), [filters.recordId]);

  const extra = older?.forQuery === apiQuery ? older : null;
  const entries = [...(first.data?.entries ?? []), ...(extra?.entries ?? [])];
  const next = extra ? extra.next : (first.data?.next ?? null);
  const names = useMemo(() => mergeNames(first.data?.names, extra?.names), [first.data, extra]);
  const set = (patch: Partial<AuditFilters>) => setQuery(auditFiltersToQuery({ ...filters, ...patch }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    set({ recordId: recordText });
  };

  const loadOlder = async () => {
    if (!next || loading) return;
    setLoading(true);
    setOlderError(null);
    try {
      const page = await listAudit(auditApiQuery(filters, { before: next, limit: PAGE_SIZE }));
      setOlder({ forQuery: apiQuery, entries: [...(extra?.entries ?? []), ...page.entries], next: page.next, names: mergeNames(extra?.names, page.names) });
    } catch (error) {
      setOlderError(asOfficeError(error));
    } finally {
      setLoading(false);
    }
  };

  return (
    <section className="screen office-screen" data-testid="office-audit">
      <h2 className="screen-title">{t('office.audit.title')}</h2>
      <form className="office-filters" onSubmit={submit}>
        <UserSelect label={t('office.audit.user')} users={users} value={filters.userId} onChange={(userId) => set({ userId })} testId="audit-user" />
        <label className="office-field">
          <span>{t('office.audit.action')}</span>
          <select className="input" value={filters.action} onChange={(e) => set({ action: AUDIT_ACTIONS.find((a) => a === e.target.value) ?? '' })} data-testid="audit-action">
            <option value="">{t('office.audit.anyAction')}</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {t(`office.auditAction.${action}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="office-field">
          <span>{t('office.queue.from')}</span>
          <input type="date" className="input input-date" value={filters.from} onChange={(e) => set({ from: e.target.value })} data-testid="audit-from" />
        </label>
        <label className="office-field">
          <span>{t('office.queue.to')}</span>
          <input type="date" className="input input-date" value={filters.to} onChange={(e) => set({ to: e.target.value })} data-testid="audit-to" />
        </label>
        <div className="office-field office-search">
          <label htmlFor="office-audit-record">{t('office.audit.record')}</label>
          <div className="row">
            <input id="office-audit-record" className="input mono" value={recordText} onChange={(e) => setRecordText(e.target.value)} placeholder={t('office.audit.recordPlaceholder')} data-testid="audit-record" />
            <button type="submit" className="btn btn-primary" data-testid="audit-search">
              {t('office.queue.search')}
            </button>
            <button type="button" className="btn btn-ghost" onClick={() => setQuery('')}>
              {t('office.queue.reset')}
            </button>
          </div>
        </div>
      </form>
      {first.error && <ErrorNotice error={first.error} onRetry={first.reload} />}
      {first.loading && !first.data && <p className="loading">{t('app.loading')}</p>}
      {first.data && (
        <>
          <p className="office-count" role="status" data-testid="audit-count" data-count={entries.length}>
            {t('office.audit.shown', { count: entries.length })}
          </p>
          <AuditTable entries={entries} names={names} fileName="audit-log" />
          {olderError && <ErrorNotice error={olderError} onRetry={() => void loadOlder()} />}
          {next && (
            <button type="button" className="btn office-more" onClick={() => void loadOlder()} disabled={loading} data-testid="audit-more">
              {loading ? t('app.loading') : t('office.audit.older')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
