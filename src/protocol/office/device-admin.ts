// The answer of GET /api/admin/devices: every registered tablet or browser with its owner's names, last contact and revocation.
import { z } from 'zod';

export const AdminDeviceSchema = z.strictObject({
  id: z.string(),
  userId: z.string(),
  /** The label the device registered with at login (e.g. "iPad 3"). */
  label: z.string(),
  registeredAt: z.string(),
  lastSeenAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /** The owner's login name and display name; null when the account no longer exists. */
  username: z.string().nullable(),
  displayName: z.string().nullable(),
});

export const AdminDeviceListResponseSchema = z.strictObject({ devices: z.array(AdminDeviceSchema) });
export const AdminDeviceAnswerSchema = z.strictObject({ device: AdminDeviceSchema.omit({ username: true, displayName: true }) });

export type AdminDevice = z.infer<typeof AdminDeviceSchema>;
export type AdminDeviceListResponse = z.infer<typeof AdminDeviceListResponseSchema>;
