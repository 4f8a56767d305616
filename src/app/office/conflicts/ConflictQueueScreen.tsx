// 競合: every open conflict (optionally of one record, ?record=<id>) to be resolved with a reason; shown 20 at a time.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listOpenConflicts } from '../api/officeApi.ts';
import type { ConflictItem } from '../api/schemas.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { rememberQuery } from '../shared/lastQuery.ts';
import { useOfficeData } from '../shared/useOfficeData.ts';
import { useUrlQuery } from '../shared/useUrlQuery.ts';
import { useUsers } from '../shared/useUsers.ts';
import { shortId } from '../shared/shortId.ts';
import { ConflictCard } from './ConflictCard.tsx';

const PAGE = 20;

export function ConflictQueueScreen() {
  const { t } = useTranslation();
  const [query, setQuery] = useUrlQuery();
  const recordId = useMemo(() => new URLSearchParams(query).get('record') ?? '', [query]);
  useEffect(() => rememberQuery('conflicts', query), [query]);
  const list = useOfficeData(() => listOpenConflicts(recordId || undefined), [recordId]);
  const users = useUsers();
  const [shown, setShown] = useState(PAGE);
  const [resolved, setResolved] = useState<ConflictItem[]>([]);

  const open = (list.data?.conflicts ?? []).filter((c) => !resolved.some((r) => r.id === c.id));
  const userName = (id: string) => list.data?.users?.[id] ?? users.find((u) => u.id === id)?.displayName ?? id;
  const deviceName = (id: string) => list.data?.devices?.[id] ?? id;

  return (
    <section className="screen office-screen" data-testid="office-conflicts">
      <div className="row">
        <h2 className="screen-title">{t('office.conflicts.title')}</h2>
        {recordId && (
          <button type="button" className="btn" onClick={() => setQuery('')} data-testid="conflicts-all">
            {t('office.conflicts.showAll')}
          </button>
        )}
      </div>
      {recordId && <p className="hint">{t('office.conflicts.ofRecord', { id: shortId(recordId) })}</p>}
      {resolved.map((conflict) => (
        <p key={conflict.id} className="notice office-done" role="status" data-testid="conflict-resolved" data-conflict-id={conflict.id}>
          {t('office.conflicts.resolved', { path: conflict.path })}
        </p>
      ))}
      {list.error && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {list.loading && !list.data && <p className="loading">{t('app.loading')}</p>}
      {list.data && (
        <p className="office-count" data-testid="conflicts-total" data-total={open.length} role="status">
          {t('office.conflicts.count', { count: open.length })}
        </p>
      )}
      {list.data && open.length === 0 && <p className="empty">{t('office.conflicts.none')}</p>}
      {open.slice(0, shown).map((conflict) => (
        <ConflictCard key={conflict.id} conflict={conflict} userName={userName} deviceName={deviceName} onResolved={(done) => setResolved((r) => [...r, done])} />
      ))}
      {open.length > shown && (
        <button type="button" className="btn office-more" onClick={() => setShown((n) => n + PAGE)} data-testid="conflicts-more">
          {t('office.more')}
        </button>
      )}
    </section>
  );
}
