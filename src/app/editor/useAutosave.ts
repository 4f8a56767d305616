// Creates the record's autosave queue and flushes it whenever the user might leave: navigation, tab hidden, page hide, unmount.
import { useEffect, useMemo } from 'react';
import { recordRepository } from '../db.ts';
import { setSaveStatus } from '../state/editorStore.ts';
import { onBeforeNavigate } from '../state/routeStore.ts';
import { AutosaveQueue } from './autosave.ts';

/** Typing is saved after this pause (≤ 300 ms keeps a crash from losing more than a few characters). */
const TYPING_DELAY_MS = 250;

export function useAutosave(recordId: string): AutosaveQueue {
  const queue = useMemo(
    () =>
      new AutosaveQueue(
        { saveAnswers: async (changes, summary) => void (await recordRepository().saveAnswers(recordId, changes, summary)) },
        TYPING_DELAY_MS,
        (status, failure) => {
          if (failure) console.error('[genba] autosave failed', failure);
          setSaveStatus(status, failure ? ((failure as { code?: string }).code ?? String(failure)) : null);
        },
      ),
    [recordId],
  );

  useEffect(() => {
    setSaveStatus('idle');
    const flush = () => void queue.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', flush);
    const removeGuard = onBeforeNavigate(() => queue.flush());
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', flush);
      removeGuard();
      flush();
    };
  }, [queue]);

  return queue;
}
