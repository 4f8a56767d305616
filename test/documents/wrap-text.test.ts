// Line breaking for the PDF: fits the width, keeps Latin words whole, never starts a line with closing punctuation, keeps the writer's line breaks.
import { describe, expect, it } from 'vitest';
import { wrapText } from '../../src/documents/wrap-text.ts';

/** Every character is one unit wide at size 1: width 10 holds 10 characters. */
const measure = (text: string, size: number): number => [...text].length * size;
const wrap = (text: string, width = 10) => wrapText(text, width, 1, measure);

describe('wrapText', () => {
  it('breaks Japanese between any two characters at the width', () => {
    expect(wrap('あいうえおかきくけこさしすせそ')).toEqual(['あいうえおかきくけこ', 'さしすせそ']);
  });

  it('hangs closing punctuation at the end of the line instead of starting the next one with it', () => {
    expect(wrap('あいうえおかきくけこ、さしす。')).toEqual(['あいうえおかきくけこ、', 'さしす。']);
    expect(wrap('あいうえおかきくけこ）さし')).toEqual(['あいうえおかきくけこ）', 'さし']);
  });

  it('takes an opening bracket down to the next line with what it opens', () => {
    expect(wrap('あいうえおかきくけ（こ）さし')).toEqual(['あいうえおかきくけ', '（こ）さし']);
  });

  it('moves a Latin word that does not fit to the next line whole', () => {
    expect(wrap('週2回 Genba survey')).toEqual(['週2回 Genba', 'survey']);
  });

  it('splits a word longer than the line', () => {
    expect(wrap('abcdefghijklmnop')).toEqual(['abcdefghij', 'klmnop']);
  });

  it('keeps the writer\'s line breaks and empty lines', () => {
    expect(wrap('一行目\n\n三行目')).toEqual(['一行目', '', '三行目']);
    expect(wrap('')).toEqual(['']);
  });

  it('never makes a line wider than the width plus one hanging mark, and loses no character', () => {
    const text = '（2-5）夜間は0時と3時の2回、ポータブルトイレを使用し、妻が後始末をしている（毎晩2回）。'.repeat(5);
    for (const line of wrap(text, 13)) expect([...line].length).toBeLessThanOrEqual(14);
    expect(wrap(text, 13).join('')).toBe(text);
  });
});
