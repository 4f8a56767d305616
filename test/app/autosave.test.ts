// The autosave queue: coalesces typing per path, writes immediately on request, serialises writes, retries after a failure.
import { describe, expect, it, vi } from 'vitest';
import { AutosaveQueue, type SaveSummary } from '../../src/app/editor/autosave.ts';

function recordingTarget() {
  const calls: { changes: { path: string; value: unknown }[]; summary: SaveSummary }[] = [];
  return { calls, target: { saveAnswers: async (changes: { path: string; value: unknown }[], summary: SaveSummary) => void calls.push({ changes, summary }) } };
}

describe('AutosaveQueue', () => {
  it('folds keystrokes on one path into one write after the delay', async () => {
    vi.useFakeTimers();
    try {
      const { calls, target } = recordingTarget();
      const queue = new AutosaveQueue(target, 250);
      void queue.schedule([{ path: 'name', value: '山' }], { errorCount: 1 }, false);
      void queue.schedule([{ path: 'name', value: '山田' }], { errorCount: 0, title: '山田' }, false);
      expect(calls).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(250);
      expect(calls).toEqual([{ changes: [{ path: 'name', value: '山田' }], summary: { errorCount: 0, title: '山田' } }]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('flush() writes pending typing at once (blur, pagehide, navigation)', async () => {
    const { calls, target } = recordingTarget();
    const queue = new AutosaveQueue(target, 10_000);
    void queue.schedule([{ path: 'a', value: 1 }], { errorCount: 0 }, false);
    await queue.flush();
    expect(calls.map((c) => c.changes)).toEqual([[{ path: 'a', value: 1 }]]);
    expect(queue.hasPending).toBe(false);
  });

  it('immediate changes carry earlier pending typing along in the same write', async () => {
    const { calls, target } = recordingTarget();
    const queue = new AutosaveQueue(target, 10_000);
    void queue.schedule([{ path: 'name', value: 'x' }], { errorCount: 0 }, false);
    await queue.schedule([{ path: 'kind', value: 'a' }], { errorCount: 0 }, true);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.changes).toEqual([{ path: 'name', value: 'x' }, { path: 'kind', value: 'a' }]);
  });

  it('keeps failed values for the next flush and reports the error', async () => {
    let fail = true;
    const saved: unknown[] = [];
    const statuses: string[] = [];
    const queue = new AutosaveQueue(
      { saveAnswers: async (changes) => { if (fail) throw new Error('E_STORAGE_FULL'); saved.push(...changes); } },
      10,
      (status) => statuses.push(status),
    );
    await queue.schedule([{ path: 'a', value: 1 }], { errorCount: 0 }, true);
    expect(statuses.at(-1)).toBe('error');
    expect(queue.hasPending).toBe(true);
    fail = false;
    await queue.flush();
    expect(saved).toEqual([{ path: 'a', value: 1 }]);
    expect(statuses.at(-1)).toBe('idle');
  });
});
