// The answers a person entered, without the record's '@' bookkeeping keys ('@ack', '@review').

export function answersWithoutMeta(answers: Record<string, unknown>): Record<string, unknown> {
  const plain: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(answers)) if (!key.startsWith('@')) plain[key] = value;
  return plain;
}
