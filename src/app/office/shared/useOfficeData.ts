// Loads one office resource for a screen: data, a coded error, loading, and reload(); a stale answer never overwrites a newer one.
import { useCallback, useEffect, useRef, useState } from 'react';
import { asOfficeError, type OfficeError } from '../api/officeError.ts';

export interface OfficeData<T> {
  data: T | undefined;
  error: OfficeError | null;
  loading: boolean;
  reload: () => void;
}

export function useOfficeData<T>(load: () => Promise<T>, deps: readonly unknown[]): OfficeData<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<OfficeError | null>(null);
  const [loading, setLoading] = useState(true);
  const [nonce, setNonce] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const call = ++latest.current;
    setLoading(true);
    setError(null);
    load().then(
      (result) => {
        if (call !== latest.current) return;
        setData(() => result);
        setLoading(false);
      },
      (caught: unknown) => {
        if (call !== latest.current) return;
        const officeError = asOfficeError(caught);
        console.warn('[genba] office request failed', officeError);
        setError(officeError);
        setLoading(false);
      },
    );
    // The caller lists the loader's inputs in deps, as with useEffect.
  }, [...deps, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { data, error, loading, reload };
}
