// Text folding for the review list's search: NFKC (full-width ↔ half-width, ㈱ → (株)) then lower-case, for stored text and query alike.
export function foldSearchText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** The stored search column: the folded title and record id on separate lines (a query never spans both unless it holds a newline). */
export function searchTextOf(title: string | null, recordId: string): string {
  return foldSearchText(`${title ?? ''}\n${recordId}`);
}
