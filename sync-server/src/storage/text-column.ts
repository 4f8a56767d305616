// Strings for plain text columns, made storable by both databases: an unpaired UTF-16 surrogate or a NUL becomes U+FFFD.
/**
 * Derived text (a record's title, its search column, an audit actor) comes from device answers and may hold what
 * PostgreSQL text refuses: NUL is never allowed, and an unpaired surrogate cannot travel in the JSON the bulk
 * writes use. SQLite would store both, so both adapters store the same replaced text. Answers themselves are JSON
 * columns and keep every character, escaped.
 */
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function storableText(text: string): string;
export function storableText(text: string | null): string | null;
export function storableText(text: string | null): string | null {
  return text === null ? null : text.replace(UNPAIRED_SURROGATE, '\uFFFD').replaceAll('\u0000', '\uFFFD');
}
