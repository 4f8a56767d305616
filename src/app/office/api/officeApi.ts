// One function per back-office endpoint of the contract (docs/PROTOCOL.md), so screens never build URLs by hand.
import type { ResolveConflictRequest } from '../../../protocol/conflict.ts';
import type { ReviewRequest } from '../../../protocol/review-request.ts';
import type { ExportFormat } from '../../../protocol/office/index.ts';
import type { CreateCaseRequest } from '../../../protocol/care/case-requests.ts';
import { CaseAnswerSchema, CaseListResponseSchema } from '../../../protocol/care/case-list.ts';
import {
  AdminUserListResponseSchema, AdminUserSchema, UserWithPasswordResponseSchema, type CreateUserRequest, type UpdateUserRequest,
} from '../../../protocol/office/user-admin.ts';
import { AdminDeviceAnswerSchema, AdminDeviceListResponseSchema } from '../../../protocol/office/device-admin.ts';
import { ApiTokenListResponseSchema, ApiTokenSchema, CreateApiTokenResponseSchema, type CreateApiTokenRequest } from '../../../protocol/office/api-token.ts';
import {
  CreateWebhookResponseSchema, WebhookListResponseSchema, WebhookSchema, type CreateWebhookRequest, type UpdateWebhookRequest,
} from '../../../protocol/office/webhook.ts';
import { DeliveryListResponseSchema } from '../../../protocol/office/webhook-delivery.ts';
import { z } from 'zod';
import { officeFile, officeFileWithProgress, officeGet, officePatch, officePost, type DownloadProgress } from './officeClient.ts';
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

export type { DownloadProgress, ExportFormat };
export const downloadExport = (format: ExportFormat, query: URLSearchParams, onProgress: (progress: DownloadProgress) => void) =>
  officeFileWithProgress(withQuery(`/api/office/export.${format}`, query), onProgress);

export const fetchBlob = (hash: string) => officeFile(`/api/blobs/${encodeURIComponent(hash)}`);

/** A 認定調査票 record as the office's A4 PDF (404 E_NO_DOCUMENT for other forms); audited as a download. */
export const downloadRecordPdf = (id: string) => officeFile(`/api/office/records/${encodeURIComponent(id)}/pdf`);

export const listCareCases = (query: URLSearchParams) => officeGet(withQuery('/api/office/care/cases', query), CaseListResponseSchema);

export const createCareCase = (body: CreateCaseRequest) => officePost('/api/office/care/cases', body, CaseAnswerSchema);

export const assignCareCase = (id: string, assigneeId: string) =>
  officePost(`/api/office/care/cases/${encodeURIComponent(id)}/assign`, { assigneeId }, CaseAnswerSchema);

/** The approved 調査票 whose approval day (JST) is in [from, to], as the certification system's CSV. */
export const downloadCareExport = (query: URLSearchParams, onProgress: (progress: DownloadProgress) => void) =>
  officeFileWithProgress(withQuery('/api/office/care/export.csv', query), onProgress);

// Account management (admin only; docs/PROTOCOL.md "Accounts").
const AdminUserAnswerSchema = z.strictObject({ user: AdminUserSchema });
const userPath = (id: string, action = '') => `/api/admin/users/${encodeURIComponent(id)}${action}`;
export const listAdminUsers = () => officeGet('/api/admin/users', AdminUserListResponseSchema);
export const createAdminUser = (body: CreateUserRequest) => officePost('/api/admin/users', body, UserWithPasswordResponseSchema);
export const updateAdminUser = (id: string, body: UpdateUserRequest) => officePatch(userPath(id), body, AdminUserAnswerSchema);
export const setAdminUserDisabled = (id: string, disabled: boolean) => officePost(userPath(id, disabled ? '/disable' : '/enable'), {}, AdminUserAnswerSchema);
export const resetAdminUserPassword = (id: string) => officePost(userPath(id, '/reset-password'), {}, UserWithPasswordResponseSchema);

// Devices, API tokens and webhooks (admin only; docs/PROTOCOL.md "Back office").
export const listAdminDevices = () => officeGet('/api/admin/devices', AdminDeviceListResponseSchema);
export const revokeAdminDevice = (id: string) => officePost(`/api/admin/devices/${encodeURIComponent(id)}/revoke`, {}, AdminDeviceAnswerSchema);
export const listApiTokens = () => officeGet('/api/office/tokens', ApiTokenListResponseSchema);
export const createApiToken = (body: CreateApiTokenRequest) => officePost('/api/office/tokens', body, CreateApiTokenResponseSchema);
export const revokeApiToken = (id: string) => officePost(`/api/office/tokens/${encodeURIComponent(id)}/revoke`, {}, z.strictObject({ token: ApiTokenSchema }));
export const listWebhooks = () => officeGet('/api/office/webhooks', WebhookListResponseSchema);
export const createWebhook = (body: CreateWebhookRequest) => officePost('/api/office/webhooks', body, CreateWebhookResponseSchema);
export const updateWebhook = (id: string, body: UpdateWebhookRequest) => officePatch(`/api/office/webhooks/${encodeURIComponent(id)}`, body, z.strictObject({ webhook: WebhookSchema }));
/** The webhook's newest delivery (the list is newest first), or none yet. */
export const lastWebhookDelivery = async (id: string) =>
  (await officeGet(`/api/office/webhooks/${encodeURIComponent(id)}/deliveries?limit=1`, DeliveryListResponseSchema)).deliveries[0] ?? null;
