// API tokens for office systems: their scopes, how one is listed (never with its secret), and the create request/answer.
import { z } from 'zod';

export const API_SCOPES = ['handoff:read', 'export:read', 'records:read', 'audit:read'] as const;
export type ApiScopeName = (typeof API_SCOPES)[number];

/** A token's secret: this prefix, then 32 random bytes in base64url. */
export const API_TOKEN_PREFIX = 'gbt_';

export const ApiTokenSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  scopes: z.array(z.enum(API_SCOPES)),
  createdBy: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  /** Refused (401 E_API_TOKEN) from this time on; null = never expires. */
  expiresAt: z.string().nullable(),
});

export const CreateApiTokenRequestSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.enum(API_SCOPES)).min(1).max(API_SCOPES.length).transform((scopes) => [...new Set(scopes)]),
  /** Optional end of life (ISO 8601 with offset); must lie in the future when created. */
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});

export const CreateApiTokenResponseSchema = z.strictObject({
  token: ApiTokenSchema,
  /** Shown once: the server keeps only its SHA-256. */
  secret: z.string().startsWith(API_TOKEN_PREFIX),
});

export const ApiTokenListResponseSchema = z.strictObject({ tokens: z.array(ApiTokenSchema) });

export type ApiTokenMessage = z.infer<typeof ApiTokenSchema>;
export type CreateApiTokenRequest = z.infer<typeof CreateApiTokenRequestSchema>;
export type CreateApiTokenResponse = z.infer<typeof CreateApiTokenResponseSchema>;
