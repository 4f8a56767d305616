// Test helper: builds wire ops and push/pull bodies the way a device would.
import { randomUUID } from 'node:crypto';
import { format as formatHlc, nodeIdFrom } from '../../src/protocol/hlc.ts';

let millis = Date.now() - 60_000;

/** A fresh HLC from this device, increasing across calls (never ahead of the server's clock). */
export function hlcFor(deviceId: string): string {
  millis += 1;
  return formatHlc({ millis, counter: 0, node: nodeIdFrom(deviceId) });
}

export interface OpInput {
  deviceId: string;
  seq: number;
  recordId: string;
  path: string;
  value: unknown;
  baseVersion?: number;
  formId?: string;
  formVersion?: number;
}

export function op(input: OpInput) {
  return {
    opId: `${input.deviceId}:${input.seq}`,
    recordId: input.recordId,
    formId: input.formId ?? 'field-check',
    formVersion: input.formVersion ?? 2,
    path: input.path,
    value: input.value,
    hlc: hlcFor(input.deviceId),
    baseVersion: input.baseVersion ?? 0,
  };
}

export function pushBody(deviceId: string, ops: unknown[]) {
  return { protocolVersion: 2, deviceId, ops };
}

export function pullBody(checkpoint = 0, limit = 1000) {
  return { protocolVersion: 2, checkpoint, limit };
}

export function newRecordId(): string {
  return randomUUID();
}

/** Minimal valid answers for a new field-check record. */
export function initialAnswers(name = '試験 太郎') {
  return { inspector_name: name, survey_date: '2025-03-28', prefecture: 'higashi', city: 'midori', building_count: 1 };
}
