// The multi-line text field: a long answer first renders as a preview (no textarea to lay out), a short one as the text box.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LONG_TEXT_PREVIEW_CHARS, TextField } from '../../src/app/fields/TextField.tsx';
import type { FieldProps } from '../../src/app/fields/types.ts';
import type { FieldState } from '../../src/engine/types.ts';

function render(value: string | null, multiline = true): string {
  const state = { field: { id: 'note', type: 'text', multiline }, value, required: false } as unknown as FieldState;
  const props: FieldProps = {
    path: 'note' as FieldProps['path'], state, inputId: 'in-note', labelId: 'lb-note', describedBy: undefined, invalid: false,
    disabled: false, language: 'ja', onChange: () => {}, onBlur: () => {},
  };
  return renderToStaticMarkup(createElement(TextField, props));
}

describe('TextField', () => {
  it('renders a short multi-line answer as the text box', () => {
    const html = render('週2、3回、夜間にトイレへ行く際に見守りがある。');
    expect(html).toContain('<textarea');
    expect(html).not.toContain('text-preview');
  });

  it('renders an answer longer than the limit as a preview of its start, labelled by the same input id', () => {
    const long = 'あ'.repeat(LONG_TEXT_PREVIEW_CHARS + 1);
    const html = render(long);
    expect(html).not.toContain('<textarea');
    expect(html).toContain('data-testid="text-preview"');
    expect(html).toContain('id="in-note"');
    expect(html).not.toContain(long);
    expect(html).toContain('あ'.repeat(100));
  });

  it('keeps an answer exactly at the limit editable at once, and single-line fields are never previews', () => {
    expect(render('い'.repeat(LONG_TEXT_PREVIEW_CHARS))).toContain('<textarea');
    expect(render('う'.repeat(LONG_TEXT_PREVIEW_CHARS * 2), false)).toContain('<input');
  });
});
