// The office tab bar (審査一覧, 競合, 集計, 監査ログ, 認定申請, ユーザー and 端末・API for admin, 自分のアカウント); each tab returns to that page's last filters.
import { useTranslation } from 'react-i18next';
import type { OfficePage } from '../routes.ts';
import { navigate } from '../state/routeStore.ts';
import { useSession } from '../sync.ts';
import { recallQuery } from './shared/lastQuery.ts';

const PAGES: readonly OfficePage[] = ['queue', 'conflicts', 'dashboard', 'audit', 'care', 'users', 'admin', 'account'];
/** ユーザー and 端末・API are for admin only (the server refuses everyone else too). */
const ADMIN_PAGES: readonly OfficePage[] = ['users', 'admin'];

export function OfficeNav({ current }: { current: OfficePage }) {
  const { t } = useTranslation();
  const session = useSession();
  const pages = PAGES.filter((page) => !ADMIN_PAGES.includes(page) || session?.user.role === 'admin');
  return (
    <nav className="office-nav" aria-label={t('office.title')}>
      <h1 className="office-title">{t('office.title')}</h1>
      <ul role="tablist">
        {pages.map((page) => (
          <li key={page}>
            <button
              type="button"
              role="tab"
              aria-selected={page === current}
              className={`office-tab ${page === current ? 'is-active' : ''}`}
              data-testid={`office-tab-${page}`}
              onClick={() => void navigate({ name: 'office', page, query: recallQuery(page) })}
            >
              {t(`office.nav.${page}`)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
