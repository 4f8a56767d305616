// An object URL for a stored attachment (thumbnails, signatures), revoked when the component goes away.
import { useEffect, useState } from 'react';
import { getAttachment } from '../../data/index.ts';
import { appDb } from '../db.ts';

export function useAttachmentUrl(hash: string | undefined): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!hash) return;
    let objectUrl: string | null = null;
    let alive = true;
    void getAttachment(appDb(), hash).then((row) => {
      if (!alive || !row?.blob) return;
      objectUrl = URL.createObjectURL(row.blob);
      setUrl(objectUrl);
    });
    return () => {
      alive = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
      setUrl(null);
    };
  }, [hash]);
  return url;
}
