// How many items of a long list to render now: the first few with the screen that shows them, all of them once the browser has painted that screen.
import { startTransition, useEffect, useState } from 'react';

/**
 * On mount, `first` of `total` items; after the next paint (a frame callback, then a task) the rest, in an interruptible
 * render, so a section or a long repeat appears at once and fills in below one frame later. Afterwards it follows `total`.
 */
export function useProgressiveCount(total: number, first: number): number {
  const [complete, setComplete] = useState(total <= first);
  useEffect(() => {
    if (complete) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // requestAnimationFrame runs just before the frame is painted; a task queued from it runs after.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setComplete(true)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [complete]);
  return complete ? total : Math.min(total, first);
}
