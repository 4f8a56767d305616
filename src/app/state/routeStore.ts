// The current screen, kept in sync with the browser history (pushState / popstate).
import { create } from 'zustand';
import { parseRoute, routePath, type Route } from '../routes.ts';

interface RouteState {
  route: Route;
}

export const useRouteStore = create<RouteState>(() => ({ route: parseRoute(window.location.pathname) }));

/** Runs before a navigation (e.g. the editor flushes its pending autosave). */
type LeaveGuard = () => Promise<void> | void;
const leaveGuards = new Set<LeaveGuard>();

export function onBeforeNavigate(guard: LeaveGuard): () => void {
  leaveGuards.add(guard);
  return () => leaveGuards.delete(guard);
}

export async function runLeaveGuards(): Promise<void> {
  for (const guard of [...leaveGuards]) await guard();
}

export async function navigate(route: Route, options: { replace?: boolean } = {}): Promise<void> {
  await runLeaveGuards();
  const path = routePath(route);
  if (options.replace) window.history.replaceState(null, '', path);
  else if (window.location.pathname !== path) window.history.pushState(null, '', path);
  useRouteStore.setState({ route });
  window.scrollTo(0, 0);
}

window.addEventListener('popstate', () => {
  void runLeaveGuards().then(() => useRouteStore.setState({ route: parseRoute(window.location.pathname) }));
});

export function useRoute(): Route {
  return useRouteStore((s) => s.route);
}
