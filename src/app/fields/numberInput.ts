// Parses what was typed in a number box: full-width digits (Japanese IME) accepted; text that is not a number is kept as typed so the engine reports it.
const FULL_WIDTH = /[０-９．－ー−，]/g;
const HALF_WIDTH: Record<string, string> = { '．': '.', '－': '-', 'ー': '-', '−': '-', '，': ',' };

export function normalizeDigits(text: string): string {
  return text.replace(FULL_WIDTH, (ch) => HALF_WIDTH[ch] ?? String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** '' → null (cleared); a number → number; anything else → the raw text (an E_TYPE error, never a silent 0). */
export function parseNumberInput(text: string, integer: boolean): number | string | null {
  const normalized = normalizeDigits(text).replace(/,/g, '').trim();
  if (normalized === '') return null;
  const pattern = integer ? /^-?\d+$/ : /^-?(\d+\.?\d*|\.\d+)$/;
  if (!pattern.test(normalized)) return text;
  const value = Number(normalized);
  return Number.isFinite(value) ? value : text;
}

export function formatNumberValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value);
}
