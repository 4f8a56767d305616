// An object URL for a blob fetched from the server with the login's token (photos in the record view), revoked on unmount.
import { useEffect, useState } from 'react';
import { fetchBlob } from '../api/officeApi.ts';

export function useBlobUrl(hash: string): { url: string | null; failed: boolean } {
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let alive = true;
    let objectUrl: string | null = null;
    setFailed(false);
    fetchBlob(hash).then(
      ({ blob }) => {
        if (!alive) return;
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      },
      (error: unknown) => {
        console.warn('[genba] photo not loaded', hash, error);
        if (alive) setFailed(true);
      },
    );
    return () => {
      alive = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
      setUrl(null);
    };
  }, [hash]);
  return { url, failed };
}
