// Subscribes a component to a Dexie liveQuery: re-renders when the tables the query read change.
import { useEffect, useState } from 'react';
import { liveQuery } from 'dexie';

export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      // Wrapped: a function result would otherwise be taken for a state updater.
      next: (result) => setValue(() => result),
      error: (error: unknown) => console.error('[genba] live query failed', error),
    });
    return () => subscription.unsubscribe();
    // The caller lists the query's inputs in deps, as with useEffect.
  }, deps);
  return value;
}
