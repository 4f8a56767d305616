// Text folding for the review list's search: NFKC (full-width ↔ half-width, ㈱ → (株)) then lower-case, for stored text and query alike.
export function foldSearchText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** The stored search column: the folded title, subtitle and record id on separate lines (a query never spans two unless it holds a newline). */
export function searchTextOf(title: string | null, subtitle: string | null, recordId: string): string {
  return foldSearchText(`${title ?? ''}\n${subtitle ?? ''}\n${recordId}`);
}
