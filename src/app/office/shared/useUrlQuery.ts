// The page URL's query string as state: read at mount and on back/forward, written with replaceState so filter edits do not pile up history.
import { useCallback, useEffect, useState } from 'react';

export function useUrlQuery(): [string, (query: string) => void] {
  const [query, setQuery] = useState(() => window.location.search.replace(/^\?/, ''));

  useEffect(() => {
    const update = () => setQuery(window.location.search.replace(/^\?/, ''));
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);

  const replace = useCallback((next: string) => {
    const url = `${window.location.pathname}${next ? `?${next}` : ''}`;
    if (url !== `${window.location.pathname}${window.location.search}`) window.history.replaceState(window.history.state, '', url);
    setQuery(next);
  }, []);

  return [query, replace];
}
