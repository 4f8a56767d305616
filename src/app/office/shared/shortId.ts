// Short record ids people can read out and search for: the id's LAST 8 characters, longer only where two shown ids would still collide (pure).
//
// Why the end, not the start: record ids are UUIDv7 (tablets, care cases) or v4 (seeds). A v7 id begins with its
// creation time in milliseconds, so the first 8 hex digits are the same for every record created within ~65 s
// (four 申請 registered together all showed "01a24674"). The last 12 digits of both versions are random, so the
// last 8 are unique in practice, stay the same for a record forever, and the queue's search (a substring of the id)
// finds them.
export const SHORT_ID_LENGTH = 8;

export function shortId(id: string): string {
  return id.length <= SHORT_ID_LENGTH ? id : id.slice(-SHORT_ID_LENGTH);
}

/** Each id's short form, lengthened (from the end) only for ids whose last 8 characters another shown id shares. */
export function shortIds(ids: readonly string[]): Map<string, string> {
  const unique = [...new Set(ids)];
  const out = new Map<string, string>();
  for (const id of unique) {
    let length = SHORT_ID_LENGTH;
    while (length < id.length && unique.some((other) => other !== id && other.slice(-length) === id.slice(-length))) length += 4;
    out.set(id, id.slice(-Math.min(length, id.length)));
  }
  return out;
}
