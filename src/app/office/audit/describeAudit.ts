// One audit entry as words (pure): who (display name), what (a sentence per kind the server writes), which record, which device, when (Tokyo) and the technical rest.
import { ROLES } from '../../../protocol/auth.ts';
import type { AuditEntryMessage, AuditNames } from '../../../protocol/office/index.ts';
import { tokyoDateTime } from '../shared/tokyoTime.ts';

/** An i18n key with its values; a value may itself be a phrase (a role's name), translated first. */
export interface Phrase {
  key: string;
  params: Record<string, string | number | Phrase>;
}

export interface AuditDescription {
  who: Phrase;
  what: Phrase;
  /** A person's own words that belong to the event (a return's reason), shown as written. */
  note: string | null;
  record: { id: string; title: string | null } | null;
  /** The device's label; null when the event names no device. */
  device: Phrase | null;
  when: string;
  /** Raw keys and values for whoever must dig (support, an auditor): shown folded away. */
  technical: [string, string][];
}

const P = 'office.auditText';
const phrase = (key: string, params: Phrase['params'] = {}): Phrase => ({ key: `${P}.${key}`, params });
const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);
const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** Sign-in refusals by the server's code; anything else is "other". */
const SIGN_IN_REASONS = new Set(['E_AUTH', 'E_USER_DISABLED', 'E_DEVICE_REVOKED', 'E_DEVICE_OWNED', 'E_TOO_MANY_ATTEMPTS']);

function who(entry: AuditEntryMessage, names: AuditNames): Phrase {
  if (entry.userId && names.users[entry.userId]) return phrase('who.name', { name: names.users[entry.userId] ?? '' });
  if (entry.actor.startsWith('token:')) return phrase('who.token', { name: entry.actor.slice('token:'.length) });
  // A failed sign-in names the login that was typed (there is no user behind it).
  return phrase('who.name', { name: entry.actor || '—' });
}

function userName(id: unknown, names: AuditNames, fallback?: unknown): Phrase {
  const key = str(id);
  const name = (key ? names.users[key] : undefined) ?? str(fallback);
  return name ? phrase('who.name', { name }) : phrase('who.unknown');
}

function roleName(role: unknown): Phrase | string {
  return typeof role === 'string' && (ROLES as readonly string[]).includes(role) ? { key: `roles.${role}`, params: {} } : '—';
}

/** A push's paths: answer fields ('@…' are the record's own operations: create, status, delete, warnings acknowledged). */
function recordChange(detail: Record<string, unknown>, names: AuditNames): Phrase {
  if (detail.care === 'create-case') return phrase('what.caseCreated', { caseNumber: str(detail.caseNumber) ?? '—', assignee: userName(detail.assigneeId, names) });
  if (detail.care === 'assign-case') return phrase('what.caseAssigned', { from: userName(detail.from, names), to: userName(detail.to, names) });
  const paths = Array.isArray(detail.paths) ? detail.paths.filter((p): p is string => typeof p === 'string') : [];
  const count = paths.filter((p) => !p.startsWith('@')).length + num(detail.morePaths);
  const outcomes = typeof detail.outcomes === 'object' && detail.outcomes !== null ? (detail.outcomes as Record<string, unknown>) : {};
  const conflicts = num(outcomes.conflict);
  const rejected = num(outcomes.rejected);
  const has = (path: string) => paths.includes(path);
  // Nothing of the push took effect: say so instead of "submitted".
  if (rejected > 0 && num(outcomes.applied) + num(outcomes.merged) + conflicts === 0) return phrase('what.change.refused', { rejected });
  const base = has('@delete') ? 'deleted'
    : has('@create') ? (has('@status') ? 'createdSubmitted' : 'created')
      : has('@status') ? (count > 0 ? 'submitted' : 'submittedOnly')
        : count > 0 ? 'sent' : 'touched';
  // Conflicts and refused changes are said inside the sentence's brackets (or in new ones when it has none).
  const counted = base !== 'deleted' && base !== 'submittedOnly' && base !== 'touched';
  const which = conflicts > 0 && rejected > 0 ? 'both' : conflicts > 0 ? 'conflicts' : rejected > 0 ? 'rejected' : null;
  const extra = which ? phrase(`what.change.${counted ? 'extra' : 'paren'}.${which}`, { conflicts, rejected }) : '';
  return phrase(`what.change.${base}`, { count, extra });
}

function what(entry: AuditEntryMessage, names: AuditNames): Phrase {
  const d = entry.detail;
  switch (entry.action) {
    case 'sign_in':
      return phrase('what.signIn');
    case 'sign_in_failed':
      return phrase('what.signInFailed', { reason: phrase(`signInReason.${SIGN_IN_REASONS.has(String(d.code)) ? String(d.code) : 'other'}`) });
    case 'sign_out':
      return phrase('what.signOut');
    case 'record_view':
      return phrase('what.recordView');
    case 'record_change':
      return recordChange(d, names);
    case 'review': {
      const action = d.action === 'approve' || d.action === 'return' || d.action === 'reopen' ? d.action : 'other';
      const revision = num(d.revision);
      return phrase(`what.review.${action}${revision > 0 ? 'Revision' : ''}`, { revision, comments: num(d.comments) });
    }
    case 'conflict_resolve':
      return phrase(d.reopened === true ? 'what.conflictResolvedReopened' : 'what.conflictResolved');
    case 'export':
      if (d.care === 'finished-assessments') return phrase('what.careExport', { count: num(d.rows) });
      return phrase('what.export', { format: typeof d.format === 'string' ? d.format.toUpperCase() : '—', count: num(d.rows) });
    case 'download':
      if (d.document === 'care-assessment-pdf') return phrase('what.downloadPdf');
      return phrase(typeof d.mime === 'string' && d.mime.startsWith('image/') ? 'what.downloadPhoto' : 'what.downloadFile');
    case 'handoff_read':
      return phrase('what.handoffRead', { count: num(d.count) });
    case 'token_create':
      return phrase('what.tokenCreate', { name: str(d.name) ?? '—' });
    case 'token_revoke':
      return phrase('what.tokenRevoke', { name: str(d.name) ?? '—' });
    case 'webhook_change':
      if (d.change === 'create') return phrase('what.webhookCreate', { url: str(d.url) ?? '—' });
      if (d.change === 'delete') return phrase('what.webhookDelete', { url: str(d.url) ?? '—' });
      if (d.active === false) return phrase('what.webhookDisable');
      if (d.active === true) return phrase('what.webhookEnable');
      return phrase('what.webhookUpdate');
    case 'webhook_replay':
      return phrase(d.ok === true ? 'what.webhookReplayOk' : 'what.webhookReplayFailed');
    case 'device_revoke':
      return phrase('what.deviceRevoke', { owner: userName(d.ownerId, names) });
    case 'user_create':
      return phrase('what.userCreate', { name: userName(d.targetId, names, d.username), role: roleName(d.role) });
    case 'user_update':
      if (typeof d.role === 'string') return phrase('what.userRole', { name: userName(d.targetId, names, d.username), role: roleName(d.role) });
      return phrase('what.userUpdate', { name: userName(d.targetId, names, d.username) });
    case 'user_disable':
      return phrase('what.userDisable', { name: userName(d.targetId, names, d.username) });
    case 'user_enable':
      return phrase('what.userEnable', { name: userName(d.targetId, names, d.username) });
    case 'password_reset':
      return phrase('what.passwordReset', { name: userName(d.targetId, names, d.username) });
    case 'password_change':
      return phrase(d.ok === false ? 'what.passwordChangeFailed' : 'what.passwordChange');
  }
}

function technical(entry: AuditEntryMessage): [string, string][] {
  const rows: [string, string][] = Object.entries(entry.detail).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)]);
  if (entry.recordId) rows.push(['recordId', entry.recordId]);
  rows.push(['actor', entry.actor]);
  if (entry.ip) rows.push(['ip', entry.ip]);
  rows.push(['seq', String(entry.seq)]);
  return rows;
}

export function describeAudit(entry: AuditEntryMessage, names: AuditNames): AuditDescription {
  const deviceId = str(entry.detail.deviceId);
  const recordInfo = entry.recordId ? names.records[entry.recordId] : undefined;
  const note = entry.action === 'review' || entry.action === 'conflict_resolve' ? str(entry.detail.reason) : null;
  return {
    who: who(entry, names),
    what: what(entry, names),
    note,
    record: entry.recordId ? { id: entry.recordId, title: recordInfo?.title ?? null } : null,
    device: deviceId ? (names.devices[deviceId] ? phrase('device.named', { label: names.devices[deviceId] ?? '' }) : phrase('device.unknown')) : null,
    when: tokyoDateTime(entry.at),
    technical: technical(entry),
  };
}
