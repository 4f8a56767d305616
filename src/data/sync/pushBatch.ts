// A push request built from outbox entries, and its JSON body size in bytes exactly as the server's body limit counts them.
import type { Op } from '../../protocol/op.ts';
import type { PushRequest } from '../../protocol/push.ts';
import { PROTOCOL_VERSION } from '../../protocol/version.ts';
import type { OutboxEntry } from '../outbox.ts';

/**
 * A batch's body stays under 900 KiB: the server takes up to 1 MiB (MAX_REQUEST_BODY_BYTES), and the ~120 KiB
 * left over keep a batch clear of the limit even if a proxy or a later protocol adds a little to the body.
 * A single op larger than this is still sent, alone, as long as it fits the server's limit.
 */
export const PUSH_BODY_TARGET_BYTES = 900 * 1024;

const encoder = new TextEncoder();

export function toOp(entry: OutboxEntry): Op {
  return {
    opId: entry.opId, recordId: entry.recordId, formId: entry.formId, formVersion: entry.formVersion,
    path: entry.path, value: (entry.value ?? null) as Op['value'], hlc: entry.hlc, baseVersion: entry.baseVersion,
  };
}

export function pushRequest(deviceId: string, entries: OutboxEntry[]): PushRequest {
  return { protocolVersion: PROTOCOL_VERSION, deviceId, ops: entries.map(toOp) };
}

function utf8Bytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}

/** What one entry adds to the body: its op's JSON and the comma that separates it from the previous one. */
export function opBytes(entry: OutboxEntry): number {
  return utf8Bytes(toOp(entry)) + 1;
}

/** The body without ops: {"protocolVersion":…,"deviceId":"…","ops":[]}. */
export function envelopeBytes(deviceId: string): number {
  return utf8Bytes(pushRequest(deviceId, []));
}

/** The bytes the transport will send for this request (it sends JSON.stringify of it). */
export function requestBytes(request: PushRequest): number {
  return utf8Bytes(request);
}
