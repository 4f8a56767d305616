// One export download at a time: what is running (the server building the file, then bytes arriving), its error, and saving the file when done.
import { useRef, useState } from 'react';
import type { DownloadProgress } from '../api/officeApi.ts';
import { asOfficeError, type OfficeError } from '../api/officeError.ts';
import { saveBlob } from '../../saveFile.ts';

export interface ExportRun<K extends string> {
  key: K;
  /** Null while the server builds the file (no byte has arrived yet); then how much of it has. */
  progress: DownloadProgress | null;
}

export type Download = (onProgress: (progress: DownloadProgress) => void) => Promise<{ blob: Blob; fileName: string | null }>;

export function useExportDownload<K extends string>() {
  const [running, setRunning] = useState<ExportRun<K> | null>(null);
  const [error, setError] = useState<OfficeError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const busy = useRef(false);

  const start = async (key: K, download: Download, fallbackName: string) => {
    // A second click before React re-renders the disabled buttons must not start a second export.
    if (busy.current) return;
    busy.current = true;
    setRunning({ key, progress: null });
    setError(null);
    setSaved(null);
    try {
      const { blob, fileName } = await download((progress) => setRunning({ key, progress: progress.received > 0 ? progress : null }));
      const name = fileName ?? fallbackName;
      saveBlob(blob, name);
      setSaved(name);
    } catch (caught) {
      setError(asOfficeError(caught));
    } finally {
      busy.current = false;
      setRunning(null);
    }
  };

  return { running, error, saved, start };
}
