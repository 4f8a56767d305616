// Pins the JSON Schema of every wire message: changing one fails here until PROTOCOL_VERSION and its history line change too.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as protocol from '../../src/protocol/index.ts';

const MESSAGES = {
  OpSchema: protocol.OpSchema,
  PushRequestSchema: protocol.PushRequestSchema,
  PushResponseSchema: protocol.PushResponseSchema,
  PullRequestSchema: protocol.PullRequestSchema,
  PullResponseSchema: protocol.PullResponseSchema,
  RecordSnapshotSchema: protocol.RecordSnapshotSchema,
  ConflictSummarySchema: protocol.ConflictSummarySchema,
  LoginRequestSchema: protocol.LoginRequestSchema,
  LoginResponseSchema: protocol.LoginResponseSchema,
  ResolveConflictRequestSchema: protocol.ResolveConflictRequestSchema,
  ErrorBodySchema: protocol.ErrorBodySchema,
};

/**
 * When this test fails because you changed a message on purpose: bump PROTOCOL_VERSION in
 * src/protocol/version.ts, add its history line, update docs/PROTOCOL.md, then update PINNED.
 */
const PINNED = { version: 2, hash: '11bfc6c1d367014db67804bb8b13581b1e376d41bae3d1dd5405236d36f90542' };

function schemaHash(): string {
  const json = Object.entries(MESSAGES).map(([name, schema]) => [name, z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' })]);
  return createHash('sha256').update(JSON.stringify(json)).digest('hex');
}

describe('protocol schema pin', () => {
  it('the schema hash matches the pinned one for this protocol version', () => {
    expect({ version: protocol.PROTOCOL_VERSION, hash: schemaHash() }).toEqual(PINNED);
  });

  it('the version history mentions the current version', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(new URL('../../src/protocol/version.ts', import.meta.url), 'utf8');
    expect(text).toMatch(new RegExp(`^// ${protocol.PROTOCOL_VERSION} — `, 'm'));
  });
});
