// Autosave queue: coalesces answers per path for a short delay, then writes them in ONE repository call; flush() writes now.
import type { AnswerChange } from '../../data/index.ts';
import type { FieldPath } from '../../engine/types.ts';

export interface SaveSummary {
  errorCount: number;
  title?: string;
}

export interface AutosaveTarget {
  saveAnswers(changes: AnswerChange[], summary: SaveSummary): Promise<void>;
}

export type AutosaveStatus = 'idle' | 'pending' | 'saving' | 'error';

export class AutosaveQueue {
  private pending = new Map<FieldPath, AnswerChange>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> = Promise.resolve();
  private summary: SaveSummary = { errorCount: 0 };

  constructor(
    private readonly target: AutosaveTarget,
    private readonly delayMs: number,
    private readonly onStatus: (status: AutosaveStatus, error?: unknown) => void = () => {},
  ) {}

  /** Queues values; `immediate` (choices, buttons) writes at once, typing waits `delayMs` for more keystrokes. */
  schedule(changes: AnswerChange[], summary: SaveSummary, immediate: boolean): Promise<void> {
    for (const change of changes) this.pending.set(change.path, change);
    this.summary = summary;
    this.onStatus('pending');
    if (immediate) return this.flush();
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
    return Promise.resolve();
  }

  get hasPending(): boolean {
    return this.pending.size > 0;
  }

  /** Writes everything queued; writes are serialised so a later value never lands before an earlier one. */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.pending.size === 0) return this.writing;
    const changes = [...this.pending.values()];
    const summary = this.summary;
    this.pending.clear();
    this.writing = this.writing
      .then(async () => {
        this.onStatus('saving');
        await this.target.saveAnswers(changes, summary);
        this.onStatus(this.pending.size > 0 ? 'pending' : 'idle');
      })
      .catch((error: unknown) => {
        // Put the values back unless newer ones were typed meanwhile, so the next flush retries them.
        for (const change of changes) if (!this.pending.has(change.path)) this.pending.set(change.path, change);
        this.onStatus('error', error);
      });
    return this.writing;
  }
}
