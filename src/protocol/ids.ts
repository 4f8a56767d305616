// Operation ids: `${deviceId}:${counter}`, unique per device and increasing in the order the device made them.
// The server uses them to make a retried push a no-op; the device never reuses a counter.

export interface OpIdParts {
  deviceId: string;
  counter: number;
}

const OP_ID_PATTERN = /^([^:\s]+):(\d{1,15})$/;

export function formatOpId(deviceId: string, counter: number): string {
  return `${deviceId}:${counter}`;
}

/** Splits an op id, or returns null when it is not one (the server answers E_OP_ID for it). */
export function parseOpId(opId: string): OpIdParts | null {
  const match = typeof opId === 'string' ? OP_ID_PATTERN.exec(opId) : null;
  if (!match) return null;
  const counter = Number(match[2]);
  if (!Number.isSafeInteger(counter)) return null;
  return { deviceId: match[1] as string, counter };
}
