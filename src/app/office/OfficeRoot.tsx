// The back office's lazily loaded entry: its styles, the tab bar, the gate (online, logged in as supervisor/admin) and the current office screen.
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { Route } from '../routes.ts';
import { registerOfficeText } from './i18n/registerOfficeText.ts';
import { OfficeGate } from './OfficeGate.tsx';
import { OfficeNav } from './OfficeNav.tsx';
import './office.css';

registerOfficeText();

const ReviewQueueScreen = lazy(() => import('./queue/ReviewQueueScreen.tsx').then((m) => ({ default: m.ReviewQueueScreen })));
const RecordViewScreen = lazy(() => import('./record/RecordViewScreen.tsx').then((m) => ({ default: m.RecordViewScreen })));
const ConflictQueueScreen = lazy(() => import('./conflicts/ConflictQueueScreen.tsx').then((m) => ({ default: m.ConflictQueueScreen })));
const DashboardScreen = lazy(() => import('./dashboard/DashboardScreen.tsx').then((m) => ({ default: m.DashboardScreen })));
const AuditScreen = lazy(() => import('./audit/AuditScreen.tsx').then((m) => ({ default: m.AuditScreen })));
const UsersScreen = lazy(() => import('./users/UsersScreen.tsx').then((m) => ({ default: m.UsersScreen })));
const AdminScreen = lazy(() => import('./admin/AdminScreen.tsx').then((m) => ({ default: m.AdminScreen })));
const AccountScreen = lazy(() => import('./users/AccountScreen.tsx').then((m) => ({ default: m.AccountScreen })));
const CareCasesScreen = lazy(() => import('./care/CareCasesScreen.tsx').then((m) => ({ default: m.CareCasesScreen })));

export type OfficeRoute = Extract<Route, { name: 'office' | 'office-record' }>;

function OfficeScreen({ route }: { route: OfficeRoute }) {
  if (route.name === 'office-record') return <RecordViewScreen key={route.recordId} recordId={route.recordId} />;
  switch (route.page) {
    case 'queue':
      return <ReviewQueueScreen />;
    case 'conflicts':
      return <ConflictQueueScreen />;
    case 'dashboard':
      return <DashboardScreen />;
    case 'audit':
      return <AuditScreen />;
    case 'care':
      return <CareCasesScreen />;
    case 'users':
      return <UsersScreen />;
    case 'admin':
      return <AdminScreen />;
    case 'account':
      return <AccountScreen />;
  }
}

export function OfficeRoot({ route }: { route: OfficeRoute }) {
  const { t } = useTranslation();
  return (
    <div className="office" data-testid="office">
      <OfficeNav current={route.name === 'office-record' ? 'queue' : route.page} />
      <OfficeGate>
        <Suspense fallback={<p className="loading">{t('app.loading')}</p>}>
          <OfficeScreen route={route} />
        </Suspense>
      </OfficeGate>
    </div>
  );
}
