// An object URL for a photo or signature fetched from the server with the login's token (record view), revoked on unmount; non-images get none.
import { useEffect, useState } from 'react';
import { fetchBlob } from '../api/officeApi.ts';
import { imageBlobOrNull } from './imageBlob.ts';

export type BlobUrlState = { url: string | null; failed: boolean; refused: boolean };

export function useBlobUrl(hash: string): BlobUrlState {
  const [state, setState] = useState<BlobUrlState>({ url: null, failed: false, refused: false });
  useEffect(() => {
    let alive = true;
    let objectUrl: string | null = null;
    setState({ url: null, failed: false, refused: false });
    fetchBlob(hash).then(
      ({ blob }) => {
        if (!alive) return;
        const image = imageBlobOrNull(blob);
        if (!image) {
          console.warn('[genba] not an image, not shown', hash, blob.type);
          setState({ url: null, failed: true, refused: true });
          return;
        }
        objectUrl = URL.createObjectURL(image);
        setState({ url: objectUrl, failed: false, refused: false });
      },
      (error: unknown) => {
        console.warn('[genba] photo not loaded', hash, error);
        if (alive) setState({ url: null, failed: true, refused: false });
      },
    );
    return () => {
      alive = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
      setState({ url: null, failed: false, refused: false });
    };
  }, [hash]);
  return state;
}
