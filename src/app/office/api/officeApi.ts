// One function per back-office endpoint of the contract (docs/PROTOCOL.md), so screens never build URLs by hand.
import type { ResolveConflictRequest } from '../../../protocol/conflict.ts';
import type { ReviewRequest } from '../../../protocol/review-request.ts';
import type { ExportFormat } from '../../../protocol/office/index.ts';
import { officeFile, officeGet, officePost } from './officeClient.ts';
import {
  AuditResponseSchema, ConflictListResponseSchema, DashboardResponseSchema, OfficeUsersResponseSchema, RecordDetailResponseSchema,
  RecordListResponseSchema, RecordSnapshotAnswerSchema, ResolveAnswerSchema, ReviewAnswerSchema,
} from './schemas.ts';

const withQuery = (path: string, query: URLSearchParams) => (query.size > 0 ? `${path}?${query.toString()}` : path);

export const listRecords = (query: URLSearchParams) => officeGet(withQuery('/api/office/records', query), RecordListResponseSchema);

export const getRecordDetail = (id: string) => officeGet(`/api/office/records/${encodeURIComponent(id)}`, RecordDetailResponseSchema);

/** The plain record snapshot (not audited as a view): the conflict queue only needs its form. */
export const getRecordSnapshot = (id: string) => officeGet(`/api/records/${encodeURIComponent(id)}`, RecordSnapshotAnswerSchema);

export const reviewRecord = (id: string, body: ReviewRequest) => officePost(`/api/records/${encodeURIComponent(id)}/review`, body, ReviewAnswerSchema);

export const listOpenConflicts = (recordId?: string) =>
  officeGet(withQuery('/api/conflicts', new URLSearchParams({ status: 'open', ...(recordId ? { recordId } : {}) })), ConflictListResponseSchema);

export const resolveConflict = (id: string, body: ResolveConflictRequest) => officePost(`/api/conflicts/${encodeURIComponent(id)}/resolve`, body, ResolveAnswerSchema);

export const getDashboard = (query: URLSearchParams) => officeGet(withQuery('/api/office/dashboard', query), DashboardResponseSchema);

export const listAudit = (query: URLSearchParams) => officeGet(withQuery('/api/office/audit', query), AuditResponseSchema);

export const listUsers = () => officeGet('/api/office/users', OfficeUsersResponseSchema);

export type { ExportFormat };
export const downloadExport = (format: ExportFormat, query: URLSearchParams) => officeFile(withQuery(`/api/office/export.${format}`, query));

export const fetchBlob = (hash: string) => officeFile(`/api/blobs/${encodeURIComponent(hash)}`);
