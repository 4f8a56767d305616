// The app shell: header, PWA banners and the current screen (screens other than Home load lazily).
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Header } from './components/Header.tsx';
import { PwaBanners } from './components/PwaBanners.tsx';
import { useOnlineStatusListener } from './hooks/useOnlineStatus.ts';
import { HomeScreen } from './screens/HomeScreen.tsx';
import { useRoute } from './state/routeStore.ts';

const RecordListScreen = lazy(() => import('./screens/RecordListScreen.tsx').then((m) => ({ default: m.RecordListScreen })));
const RecordEditorScreen = lazy(() => import('./screens/RecordEditorScreen.tsx').then((m) => ({ default: m.RecordEditorScreen })));
const LoginScreen = lazy(() => import('./screens/LoginScreen.tsx').then((m) => ({ default: m.LoginScreen })));
const SyncScreen = lazy(() => import('./screens/SyncScreen.tsx').then((m) => ({ default: m.SyncScreen })));
const SettingsScreen = lazy(() => import('./screens/SettingsScreen.tsx').then((m) => ({ default: m.SettingsScreen })));
const CareScheduleScreen = lazy(() => import('./care/CareScheduleScreen.tsx').then((m) => ({ default: m.CareScheduleScreen })));
const CareCaseScreen = lazy(() => import('./care/CareCaseScreen.tsx').then((m) => ({ default: m.CareCaseScreen })));
// The back office is its own chunk (and loads chart.js / leaflet only when a screen draws them): the field app does not carry it.
const OfficeRoot = lazy(() => import('./office/OfficeRoot.tsx').then((m) => ({ default: m.OfficeRoot })));

function CurrentScreen() {
  const route = useRoute();
  switch (route.name) {
    case 'home':
      return <HomeScreen />;
    case 'records':
      return <RecordListScreen key={route.formId} formId={route.formId} />;
    case 'editor':
      return <RecordEditorScreen key={route.recordId} recordId={route.recordId} section={route.section} />;
    case 'settings':
      return <SettingsScreen />;
    case 'login':
      return <LoginScreen />;
    case 'sync':
      return <SyncScreen />;
    case 'care-schedule':
      return <CareScheduleScreen />;
    case 'care-case':
      return <CareCaseScreen key={route.recordId} recordId={route.recordId} />;
    case 'office':
    case 'office-record':
      return <OfficeRoot route={route} />;
  }
}

export function App() {
  const { t } = useTranslation();
  useOnlineStatusListener();
  return (
    <div className="app">
      <Header />
      <PwaBanners />
      <main className="app-main">
        <Suspense fallback={<p className="loading">{t('app.loading')}</p>}>
          <CurrentScreen />
        </Suspense>
      </main>
    </div>
  );
}
