// 審査一覧: records filtered by survey, status, assignee, area, dates, issues and text (filters in the URL), paged with the server's keyset cursor.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listRecords } from '../api/officeApi.ts';
import { asOfficeError, type OfficeError } from '../api/officeError.ts';
import type { RecordListItem } from '../api/schemas.ts';
import { localize } from '../../localize.ts';
import { useLanguage } from '../../state/appStore.ts';
import { navigate } from '../../state/routeStore.ts';
import { CsvButton } from '../shared/CsvButton.tsx';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { ExportButtons } from '../shared/ExportButtons.tsx';
import { rememberQuery } from '../shared/lastQuery.ts';
import { useOfficeData } from '../shared/useOfficeData.ts';
import { useFormList } from '../shared/useOfficeForms.ts';
import { useDateTime } from '../shared/useFormat.ts';
import { useUrlQuery } from '../shared/useUrlQuery.ts';
import { useUsers } from '../shared/useUsers.ts';
import type { MapPoint } from '../shared/PointMap.tsx';
import { AreaFilter } from './AreaFilter.tsx';
import { QueueFilterBar } from './QueueFilterBar.tsx';
import { QueueTable } from './QueueTable.tsx';
import { filtersFromQuery, filtersToApiQuery, filtersToQuery, type QueueFilters } from './queueFilters.ts';

const PAGE_SIZE = 50;

interface MorePages {
  /** The API query these pages belong to: a filter change discards them. */
  forQuery: string;
  items: RecordListItem[];
  next: string | null;
}

export function ReviewQueueScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [query, setQuery] = useUrlQuery();
  const filters = useMemo(() => filtersFromQuery(query), [query]);
  useEffect(() => rememberQuery('queue', query), [query]);
  const apiQuery = filtersToApiQuery(filters, { limit: PAGE_SIZE }).toString();
  const first = useOfficeData(() => listRecords(new URLSearchParams(apiQuery)), [apiQuery]);
  const [more, setMore] = useState<MorePages | null>(null);
  const [moreError, setMoreError] = useState<OfficeError | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const users = useUsers();
  const forms = useFormList();
  const dateTime = useDateTime();

  const extra = more?.forQuery === apiQuery ? more : null;
  const items = useMemo(() => [...(first.data?.items ?? []), ...(extra?.items ?? [])], [first.data, extra]);
  const next = extra ? extra.next : (first.data?.next ?? null);
  const total = first.data?.total ?? 0;

  const apply = (nextFilters: QueueFilters) => setQuery(filtersToQuery(nextFilters));
  const open = (id: string) => void navigate({ name: 'office-record', recordId: id });
  const formTitle = (formId: string) => {
    const form = forms?.find((f) => f.id === formId);
    return form ? localize(form.title, language) : formId;
  };
  const userName = (id: string | null) => (id ? (users.find((u) => u.id === id)?.displayName ?? id) : '—');
  const points = useMemo<MapPoint[]>(
    () => items.flatMap((item) => (item.summary?.lat != null && item.summary.lon != null ? [{ id: item.id, lat: item.summary.lat, lon: item.summary.lon, status: item.status, label: item.summary.title ?? item.id }] : [])),
    [items],
  );

  const loadMore = async () => {
    if (!next || loadingMore) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await listRecords(filtersToApiQuery(filters, { after: next, limit: PAGE_SIZE }));
      setMore({ forQuery: apiQuery, items: [...(extra?.items ?? []), ...page.items], next: page.next });
    } catch (error) {
      setMoreError(asOfficeError(error));
    } finally {
      setLoadingMore(false);
    }
  };

  const csvRows = items.map((item) => [item.id, item.summary?.title ?? '', formTitle(item.formId), t(`office.status.${item.status}`), userName(item.assigneeId ?? item.ownerId), item.updatedAt, item.summary?.revision ?? 0, item.summary?.errorCount ?? 0, item.summary?.warningCount ?? 0, item.openConflicts]);
  const csvHeader = ['id', t('office.queue.columns.title'), t('office.queue.columns.survey'), t('office.queue.columns.status'), t('office.queue.columns.assignee'), t('office.queue.columns.updated'), t('office.queue.columns.revision'), t('office.queue.errorsHeader'), t('office.queue.warningsHeader'), t('office.queue.conflictsHeader')];

  return (
    <section className="screen office-screen" data-testid="office-queue">
      <h2 className="screen-title">{t('office.queue.title')}</h2>
      <QueueFilterBar filters={filters} users={users} onChange={apply} />
      <AreaFilter filters={filters} points={points} onChange={apply} onOpenPoint={open} />
      {first.error && <ErrorNotice error={first.error} onRetry={first.reload} />}
      {first.data && (
        <>
          <div className="row office-list-head">
            <p className="office-count" data-testid="queue-total" data-total={total} role="status">
              {t('office.queue.shown', { shown: items.length, total })}
            </p>
            <CsvButton fileName="review-queue" header={csvHeader} rows={csvRows} />
            <ExportButtons query={filtersToApiQuery(filters)} />
          </div>
          {items.length === 0 ? <p className="empty">{t('office.queue.empty')}</p> : <QueueTable items={items} formTitle={formTitle} userName={userName} dateTime={dateTime} onOpen={open} />}
          {moreError && <ErrorNotice error={moreError} onRetry={() => void loadMore()} />}
          {next && (
            <button type="button" className="btn office-more" onClick={() => void loadMore()} disabled={loadingMore} data-testid="queue-more">
              {loadingMore ? t('app.loading') : t('office.more')}
            </button>
          )}
        </>
      )}
      {first.loading && !first.data && <p className="loading">{t('app.loading')}</p>}
    </section>
  );
}
