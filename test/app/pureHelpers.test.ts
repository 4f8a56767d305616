// Pure UI helpers: routes, localized labels, number typing, exclusive multi-select, photo sizing, status badges, byte sizes.
import { describe, expect, it } from 'vitest';
import { parseRoute, routePath } from '../../src/app/routes.ts';
import { localize } from '../../src/app/localize.ts';
import { parseNumberInput } from '../../src/app/fields/numberInput.ts';
import { selectedNeedsReason, toggleMultiChoice } from '../../src/app/fields/multiChoice.ts';
import { fitWithin } from '../../src/app/media/fitWithin.ts';
import { displayStatus } from '../../src/app/recordStatus.ts';
import { formatBytes } from '../../src/app/formatBytes.ts';
import type { Choice } from '../../src/engine/types.ts';

describe('routes', () => {
  it('round-trips every screen through its URL', () => {
    for (const route of [{ name: 'home' }, { name: 'records', formId: 'field-check' }, { name: 'editor', recordId: '0190-ab/c' }, { name: 'settings' }] as const) {
      expect(parseRoute(routePath(route))).toEqual(route);
    }
  });
  it('sends unknown URLs home instead of failing', () => {
    expect(parseRoute('/nope/1/2')).toEqual({ name: 'home' });
    expect(parseRoute('/record/')).toEqual({ name: 'home' });
  });
});

describe('localize', () => {
  it('uses English when present and falls back to Japanese', () => {
    expect(localize({ ja: '棟数', en: 'Buildings' }, 'en')).toBe('Buildings');
    expect(localize({ ja: '棟数' }, 'en')).toBe('棟数');
    expect(localize({ ja: '棟数', en: 'Buildings' }, 'ja')).toBe('棟数');
  });
});

describe('parseNumberInput', () => {
  it('reads half- and full-width digits (Japanese IME)', () => {
    expect(parseNumberInput('12', true)).toBe(12);
    expect(parseNumberInput('１２３', true)).toBe(123);
    expect(parseNumberInput('－５', true)).toBe(-5);
    expect(parseNumberInput('3.５', false)).toBe(3.5);
    expect(parseNumberInput('1,200', true)).toBe(1200);
  });
  it('clears on empty text and keeps non-numbers as typed (so the engine reports them, never a silent 0)', () => {
    expect(parseNumberInput('', true)).toBeNull();
    expect(parseNumberInput('  ', true)).toBeNull();
    expect(parseNumberInput('3.5', true)).toBe('3.5');
    expect(parseNumberInput('abc', false)).toBe('abc');
  });
});

describe('toggleMultiChoice', () => {
  const choices: Choice[] = [
    { value: 'a', label: { ja: 'A' } },
    { value: 'b', label: { ja: 'B' } },
    { value: 'none', label: { ja: 'ない' }, exclusive: true },
  ];
  it('adds and removes ordinary choices', () => {
    expect(toggleMultiChoice(undefined, 'a', choices)).toEqual(['a']);
    expect(toggleMultiChoice(['a'], 'b', choices)).toEqual(['a', 'b']);
    expect(toggleMultiChoice(['a', 'b'], 'a', choices)).toEqual(['b']);
  });
  it('an exclusive choice clears the others, and another choice clears the exclusive one', () => {
    expect(toggleMultiChoice(['a', 'b'], 'none', choices)).toEqual(['none']);
    expect(toggleMultiChoice(['none'], 'a', choices)).toEqual(['a']);
  });
  it('knows when the selection needs a reason', () => {
    const withReason: Choice[] = [...choices, { value: 'other', label: { ja: 'その他' }, requiresReason: true }];
    expect(selectedNeedsReason(['a', 'other'], withReason)).toBe(true);
    expect(selectedNeedsReason('other', withReason)).toBe(true);
    expect(selectedNeedsReason(['a'], withReason)).toBe(false);
    expect(selectedNeedsReason(null, withReason)).toBe(false);
  });
});

describe('fitWithin', () => {
  it('scales the longest edge down to the limit, keeping the aspect ratio', () => {
    expect(fitWithin(4000, 3000, 1600)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3000, 4000, 1600)).toEqual({ width: 1200, height: 1600 });
  });
  it('never upscales a small photo', () => {
    expect(fitWithin(800, 600, 1600)).toEqual({ width: 800, height: 600 });
  });
});

describe('displayStatus', () => {
  it('shows drafts with errors as "has errors" and keeps the other statuses', () => {
    expect(displayStatus('draft', 0)).toBe('draft');
    expect(displayStatus('draft', 2)).toBe('errors');
    expect(displayStatus('ready', 0)).toBe('ready');
    expect(displayStatus('submitted', 3)).toBe('submitted');
    expect(displayStatus('draft', 2, { returned: true })).toBe('returned');
    expect(displayStatus('ready', 0, { returned: true })).toBe('ready');
    // The server approved it: the tablet says 承認済み, not 送信済み.
    expect(displayStatus('submitted', 0, { approved: true })).toBe('approved');
  });
});

describe('formatBytes', () => {
  it('uses binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(300 * 1024 * 1024)).toBe('300 MB');
    expect(formatBytes(-1)).toBe('—');
  });
});
