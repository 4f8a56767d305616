// The sync services' inputs and outputs: who is asking (Actor), what they need (SyncDeps), and a push's answer.
import type { PushResponse } from '../../../src/protocol/push.ts';
import type { FormCatalog } from '../forms/catalog.ts';
import type { Role, Scope, SyncStore } from '../storage/sync-store.ts';

export interface Actor {
  userId: string;
  role: Role;
  deviceId: string;
  scope: Scope;
}

export interface SyncDeps {
  store: SyncStore;
  forms: FormCatalog;
  now?: () => Date;
  /** GENBA_ALLOW_SELF_APPROVAL=on: a reviewer may approve a record they own or wrote ops to (small offices). */
  allowSelfApproval?: boolean;
}

export interface RejectedOp {
  opId: string;
  code: string;
  message: string;
  /** The answer path the refusal is about, when it is about one (a value inside a group or repeat names its own path). */
  path?: string;
}

export interface ServiceError {
  code: string;
  message: string;
  rejected?: RejectedOp[];
}

export type PushOutcome =
  | { ok: true; response: PushResponse }
  | { ok: false; status: 400 | 403 | 409 | 422; error: ServiceError };
