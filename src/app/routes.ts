// The app's screens as URLs (so reload, back and the service worker's navigation fallback all work).
export type Route =
  | { name: 'home' }
  | { name: 'records'; formId: string }
  | { name: 'editor'; recordId: string }
  | { name: 'settings' }
  | { name: 'login' }
  | { name: 'sync' };

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'survey' && parts[1] && parts.length === 2) return { name: 'records', formId: parts[1] };
  if (parts[0] === 'record' && parts[1] && parts.length === 2) return { name: 'editor', recordId: parts[1] };
  if (parts[0] === 'settings' && parts.length === 1) return { name: 'settings' };
  if (parts[0] === 'login' && parts.length === 1) return { name: 'login' };
  if (parts[0] === 'sync' && parts.length === 1) return { name: 'sync' };
  return { name: 'home' };
}

export function routePath(route: Route): string {
  switch (route.name) {
    case 'home':
      return '/';
    case 'records':
      return `/survey/${encodeURIComponent(route.formId)}`;
    case 'editor':
      return `/record/${encodeURIComponent(route.recordId)}`;
    case 'settings':
      return '/settings';
    case 'login':
      return '/login';
    case 'sync':
      return '/sync';
  }
}
