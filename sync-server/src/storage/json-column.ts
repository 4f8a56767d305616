// JSON ↔ column text for both adapters: undefined is stored as null so every stored value parses back.
export function toJsonText(value: unknown): string {
  return JSON.stringify(value === undefined ? null : value);
}

export function fromJsonText<T = unknown>(text: string | null): T {
  return (text === null ? null : JSON.parse(text)) as T;
}
