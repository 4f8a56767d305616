// The app's screens as URLs (so reload, back and the service worker's navigation fallback all work).
export type Route =
  | { name: 'home' }
  | { name: 'records'; formId: string }
  /** `section`: the section shown, kept in the URL so a reload (or a way back) reopens the record where the user was. */
  | { name: 'editor'; recordId: string; section?: string }
  | { name: 'settings' }
  | { name: 'login' }
  | { name: 'sync' }
  /** Care assessor: the visit schedule of the assigned cases, and one case (申請). */
  | { name: 'care-schedule' }
  | { name: 'care-case'; recordId: string }
  /** Back office (supervisor/admin, online only); the filters live in the URL query, owned by each office screen. */
  | { name: 'office'; page: OfficePage; query?: string }
  | { name: 'office-record'; recordId: string };

export type OfficePage = 'queue' | 'conflicts' | 'dashboard' | 'audit' | 'care' | 'users' | 'admin' | 'account';
const OFFICE_PAGES: readonly OfficePage[] = ['conflicts', 'dashboard', 'audit', 'care', 'users', 'admin', 'account'];

/** `url`: a path with an optional query (`/record/1?section=group_1`); only the editor reads a query here (the office screens read theirs). */
export function parseRoute(url: string): Route {
  const [pathname = '', search = ''] = url.split('?', 2);
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'survey' && parts[1] && parts.length === 2) return { name: 'records', formId: parts[1] };
  if (parts[0] === 'record' && parts[1] && parts.length === 2) {
    const section = new URLSearchParams(search).get('section');
    return section ? { name: 'editor', recordId: parts[1], section } : { name: 'editor', recordId: parts[1] };
  }
  if (parts[0] === 'settings' && parts.length === 1) return { name: 'settings' };
  if (parts[0] === 'login' && parts.length === 1) return { name: 'login' };
  if (parts[0] === 'sync' && parts.length === 1) return { name: 'sync' };
  if (parts[0] === 'care' && parts[1] === 'schedule' && parts.length === 2) return { name: 'care-schedule' };
  if (parts[0] === 'care' && parts[1] === 'case' && parts[2] && parts.length === 3) return { name: 'care-case', recordId: parts[2] };
  if (parts[0] === 'office') return parseOfficeRoute(parts.slice(1));
  return { name: 'home' };
}

export function routePath(route: Route): string {
  switch (route.name) {
    case 'home':
      return '/';
    case 'records':
      return `/survey/${encodeURIComponent(route.formId)}`;
    case 'editor':
      return `/record/${encodeURIComponent(route.recordId)}${route.section ? `?${new URLSearchParams({ section: route.section }).toString()}` : ''}`;
    case 'settings':
      return '/settings';
    case 'login':
      return '/login';
    case 'sync':
      return '/sync';
    case 'care-schedule':
      return '/care/schedule';
    case 'care-case':
      return `/care/case/${encodeURIComponent(route.recordId)}`;
    case 'office':
      return `/office${route.page === 'queue' ? '' : `/${route.page}`}${route.query ? `?${route.query}` : ''}`;
    case 'office-record':
      return `/office/record/${encodeURIComponent(route.recordId)}`;
  }
}

function parseOfficeRoute(rest: string[]): Route {
  if (rest.length === 0) return { name: 'office', page: 'queue' };
  if (rest[0] === 'record' && rest[1] && rest.length === 2) return { name: 'office-record', recordId: rest[1] };
  const page = OFFICE_PAGES.find((p) => p === rest[0]);
  if (page && rest.length === 1) return { name: 'office', page };
  return { name: 'office', page: 'queue' };
}
