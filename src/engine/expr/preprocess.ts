// Rewrites ${path} references and the lone "." (own value) into identifiers jsep can parse.

export type Preprocessed = { ok: true; text: string; refs: string[] } | { ok: false; message: string };

const REF_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9][A-Za-z0-9_-]*)*$/;
const RESERVED = /__(ref|self)/;

export const refIdentifier = (index: number): string => `__ref${index}`;
export const SELF_IDENTIFIER = '__self';

const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z0-9_$)\]]/.test(ch);

/** Scans outside string literals; `${a-1}` becomes `__ref0`, a "." not touching a name or digit becomes `__self`. */
export function preprocess(source: string): Preprocessed {
  if (RESERVED.test(source)) return { ok: false, message: 'names starting with __ref or __self are reserved' };
  const refs: string[] = [];
  let out = '';
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === '"' || ch === "'") {
      const end = closingQuote(source, i);
      if (end < 0) return { ok: false, message: `unterminated string at ${i}` };
      out += source.slice(i, end + 1);
      i = end + 1;
    } else if (ch === '$' && source[i + 1] === '{') {
      const end = source.indexOf('}', i + 2);
      if (end < 0) return { ok: false, message: `unterminated \${ at ${i}` };
      const ref = source.slice(i + 2, end).trim();
      if (!REF_PATTERN.test(ref)) return { ok: false, message: `bad reference \${${ref}}` };
      let index = refs.indexOf(ref);
      if (index < 0) index = refs.push(ref) - 1;
      out += ` ${refIdentifier(index)} `;
      i = end + 1;
    } else if (ch === '.' && !followsOperand(out) && !/[A-Za-z0-9_$]/.test(source[i + 1] ?? '')) {
      out += ` ${SELF_IDENTIFIER} `;
      i += 1;
    } else {
      out += ch;
      i += 1;
    }
  }
  return { ok: true, text: out, refs };
}

function closingQuote(source: string, start: number): number {
  const quote = source[start];
  for (let i = start + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === quote) return i;
  }
  return -1;
}

const WORD_OPERATORS = new Set(['and', 'or', 'not', 'div', 'mod']);

/** True when the text so far ends with an operand (a name, number or closing bracket), i.e. "." would be a member dot. */
function followsOperand(text: string): boolean {
  const trimmed = text.trimEnd();
  if (!isWordChar(trimmed[trimmed.length - 1])) return false;
  const word = /[A-Za-z_$][A-Za-z0-9_$]*$/.exec(trimmed)?.[0];
  return !(word && WORD_OPERATORS.has(word));
}
