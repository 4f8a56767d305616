// The current screen, kept in sync with the browser history (pushState / popstate); each in-app step remembers the screen it came from.
import { create } from 'zustand';
import { parseRoute, routePath, type Route } from '../routes.ts';

interface RouteState {
  route: Route;
}

function currentUrl(): string {
  return `${window.location.pathname}${window.location.search}`;
}

export const useRouteStore = create<RouteState>(() => ({ route: parseRoute(currentUrl()) }));

/**
 * What an in-app navigation stores in its history entry: the URL it was made from. So 「戻る」 and a finished
 * login return to where the user was (a reload keeps the entry's state), while an entry opened from outside
 * (a typed URL, a bookmark) has none and goes to a screen's fallback instead of leaving the app.
 */
interface EntryState {
  from: string;
}

function cameFrom(): string | null {
  const state = window.history.state as Partial<EntryState> | null;
  return typeof state?.from === 'string' ? state.from : null;
}

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
  if (options.replace) window.history.replaceState(window.history.state, '', path);
  else if (currentUrl() !== path) window.history.pushState({ from: currentUrl() } satisfies EntryState, '', path);
  useRouteStore.setState({ route });
  window.scrollTo(0, 0);
}

/** Back to the screen this one was opened from (the browser's own back, so history stays linear), else to `fallback`. */
export async function goBack(fallback: Route): Promise<void> {
  if (cameFrom() !== null) {
    window.history.back();
    return;
  }
  await navigate(fallback, { replace: true });
}

/** Rewrites the current entry's URL (e.g. the editor's section) without leaving the screen: no leave guards, no scrolling. */
export function replaceRoute(route: Route): void {
  const path = routePath(route);
  if (currentUrl() !== path) window.history.replaceState(window.history.state, '', path);
  useRouteStore.setState({ route });
}

window.addEventListener('popstate', () => {
  void runLeaveGuards().then(() => useRouteStore.setState({ route: parseRoute(currentUrl()) }));
});

export function useRoute(): Route {
  return useRouteStore((s) => s.route);
}
