// Account management by admin (/api/admin/users): how an account is listed, and the create, edit and reset-password requests.
import { z } from 'zod';
import { ROLES } from '../auth.ts';

/** Login names: letters, digits and . _ - (what a city's directory exports), compared case-sensitively as stored. */
export const UsernameSchema = z.string().regex(/^[A-Za-z0-9._-]{2,64}$/, 'username: 2–64 of A–Z a–z 0–9 . _ -');
const DisplayNameSchema = z.string().trim().min(1).max(100);

export const AdminUserSchema = z.strictObject({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
  /** Devices registered to the account that are not revoked. */
  activeDevices: z.number().int().min(0),
});

export const AdminUserListResponseSchema = z.strictObject({ users: z.array(AdminUserSchema) });

/** Without a password the server generates one and returns it once; either way the user must change it at first login. */
export const CreateUserRequestSchema = z.strictObject({
  username: UsernameSchema,
  displayName: DisplayNameSchema,
  role: z.enum(ROLES),
  password: z.string().min(1).max(200).optional(),
});

export const UpdateUserRequestSchema = z.strictObject({
  displayName: DisplayNameSchema.optional(),
  role: z.enum(ROLES).optional(),
}).refine((body) => body.displayName !== undefined || body.role !== undefined, 'give displayName or role');

export const ResetPasswordRequestSchema = z.strictObject({ password: z.string().min(1).max(200).optional() });

/** Answer of create and reset: the temporary password only when the server generated it (shown once). */
export const UserWithPasswordResponseSchema = z.strictObject({ user: AdminUserSchema, temporaryPassword: z.string().optional() });

export type AdminUser = z.infer<typeof AdminUserSchema>;
export type CreateUserRequest = z.infer<typeof CreateUserRequestSchema>;
export type UpdateUserRequest = z.infer<typeof UpdateUserRequestSchema>;
export type UserWithPasswordResponse = z.infer<typeof UserWithPasswordResponseSchema>;
