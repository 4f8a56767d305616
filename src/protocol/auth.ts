// Login: a user signs in on a device (registering the device) and gets a bearer token.
import { z } from 'zod';
import { DeviceIdSchema } from './common.ts';

export const ROLES = [
  'care_assessor', 'ambulance_crew', 'hospital', 'disaster_surveyor',
  'vacant_house_surveyor', 'gis_staff', 'supervisor', 'admin',
] as const;

export const LoginRequestSchema = z.strictObject({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
  deviceId: DeviceIdSchema,
  deviceLabel: z.string().max(200),
});

export const LoginResponseSchema = z.strictObject({
  token: z.string(),
  expiresAt: z.string(),
  user: z.strictObject({ id: z.string(), username: z.string(), displayName: z.string(), role: z.enum(ROLES) }),
  deviceId: DeviceIdSchema,
  /** Only when an admin reset the password: the app asks for a new one before anything else (POST /api/auth/password). */
  mustChangePassword: z.literal(true).optional(),
});

/** POST /api/auth/password: the signed-in user replaces their own password (the new one must pass password-policy.ts). */
export const ChangePasswordRequestSchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});

export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequestSchema>;
export type LoginRequest = z.infer<typeof LoginRequestSchema>;
export type LoginResponse = z.infer<typeof LoginResponseSchema>;
