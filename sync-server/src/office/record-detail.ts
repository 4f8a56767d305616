// Everything the record view shows, read in ONE transaction that also appends the record_view audit entry.
import { reviewHistoryOf } from '../../../src/protocol/review-history.ts';
import type { RecordDetailResponse } from '../../../src/protocol/office/record-detail.ts';
import type { FormCatalog } from '../forms/catalog.ts';
import { HttpError } from '../http/errors.ts';
import type { SyncStore } from '../storage/sync-store.ts';
import { auditEntry, type AuditContext } from './audit-context.ts';
import { auditNames } from './audit-names.ts';
import { evaluateRecord } from './evaluate-record.ts';
import { firstGeopoint } from './first-geopoint.ts';
import { officeEditsOf } from './office-edits.ts';
import { recordPhotos } from './record-photos.ts';
import { diffRevisions } from './revision-diff.ts';

const AUDIT_TRAIL_LIMIT = 200;

export interface DetailDeps {
  store: SyncStore;
  forms: FormCatalog;
  now: () => Date;
}

export async function recordDetail(deps: DetailDeps, recordId: string, audit: AuditContext): Promise<RecordDetailResponse> {
  const now = deps.now();
  return deps.store.transaction(async (tx) => {
    const [record] = await tx.getRecords([recordId]);
    if (!record) throw new HttpError('E_NOT_FOUND', `No record ${recordId}.`);
    // Viewing personal data is audited with the read itself: no view without its trail.
    await tx.appendAudit([auditEntry(audit, 'record_view', record.id, {}, now.toISOString())]);
    const revisions = await tx.listRevisions(record.id);
    const conflicts = await tx.listConflicts({ recordIds: [record.id] });
    const trail = await tx.listAudit({ recordId: record.id, limit: AUDIT_TRAIL_LIMIT });
    const users = await tx.listUsers();
    const names = await auditNames(tx, deps.forms, trail);
    const officeEdits = officeEditsOf(await tx.listRecordEdits(record.id), users, record.ownerId);
    const form = deps.forms.get(record.formId);
    const evaluation = evaluateRecord(form, record.answers, now);
    const point = firstGeopoint(form, record.answers);
    const fieldVersions: Record<string, number> = {};
    for (const [path, meta] of Object.entries(record.fields)) fieldVersions[path] = meta.version;
    const mentioned = new Set<string>([record.ownerId]);
    if (record.assigneeId) mentioned.add(record.assigneeId);
    for (const r of revisions) {
      mentioned.add(r.submittedBy);
      if (r.decidedBy) mentioned.add(r.decidedBy);
    }
    for (const c of conflicts) {
      for (const candidate of c.candidates) mentioned.add(candidate.userId);
      if (c.resolution) mentioned.add(c.resolution.by);
    }
    for (const entry of trail) if (entry.userId) mentioned.add(entry.userId);
    for (const edit of officeEdits) mentioned.add(edit.userId);
    const reviews = reviewHistoryOf(record.answers);
    for (const review of reviews) mentioned.add(review.by);
    return {
      record: {
        id: record.id, formId: record.formId, formVersion: record.formVersion, status: record.status, deleted: record.deleted,
        answers: record.answers, fieldVersions, changeSeq: record.changeSeq, ownerId: record.ownerId, assigneeId: record.assigneeId,
        createdAt: record.createdAt, updatedAt: record.updatedAt, summary: record.summary ?? null,
      },
      revisions,
      diffs: diffRevisions(revisions),
      evaluation: evaluation
        ? {
          errors: evaluation.errors.map((e) => ({ path: e.path, code: e.code, message: e.message })),
          warnings: evaluation.warnings.map((w) => ({ code: w.code, message: w.message, paths: w.paths, ...(w.acknowledgedReason !== undefined ? { acknowledgedReason: w.acknowledgedReason } : {}) })),
          result: evaluation.result,
        }
        : null,
      conflicts,
      audit: trail,
      auditNames: names,
      photos: recordPhotos(form, record.answers),
      location: point,
      users: Object.fromEntries(users.filter((u) => mentioned.has(u.id)).map((u) => [u.id, u.displayName])),
      officeEdits,
      reviews,
    };
  });
}
