// The server's access table: who may call each route (public, any device session, office roles and API tokens with a
// named scope, admin), the demo account of each role, and how to list the routes fastify registered. Shared by the
// role × route matrix test and the all-routes fuzz.
import type { ApiScopeName } from '../../src/protocol/office/api-token.ts';

export type Role = 'care_assessor' | 'ambulance_crew' | 'hospital' | 'disaster_surveyor' | 'vacant_house_surveyor' | 'gis_staff' | 'supervisor' | 'admin';
export type Caller = 'anonymous' | Role | 'api-token';

export const FIELD_ROLES: Role[] = ['care_assessor', 'ambulance_crew', 'hospital', 'disaster_surveyor', 'vacant_house_surveyor', 'gis_staff'];
export const DEMO_USER: Record<Role, string> = {
  care_assessor: 'assessor', ambulance_crew: 'ambulance', hospital: 'hospital', disaster_surveyor: 'surveyor',
  vacant_house_surveyor: 'vacant', gis_staff: 'gis', supervisor: 'supervisor', admin: 'admin',
};

/** Who may call a route: anyone; any signed-in device session; office roles (and API tokens with the named scope); admin only. */
export type Access = { kind: 'public' } | { kind: 'session' } | { kind: 'office'; scope?: ApiScopeName } | { kind: 'admin' };

const PUBLIC: Access = { kind: 'public' };
const SESSION: Access = { kind: 'session' };
const OFFICE: Access = { kind: 'office' };
const ADMIN: Access = { kind: 'admin' };
const officeWith = (scope: ApiScopeName): Access => ({ kind: 'office', scope });

/** The access table: one line per method and route, as registered (docs/PROTOCOL.md "HTTP API" says the same). */
export const ACCESS: Record<string, Access> = {
  'GET /healthz': PUBLIC,
  'POST /api/auth/login': PUBLIC,
  'POST /api/auth/logout': SESSION,
  'GET /api/auth/me': SESSION,
  'POST /api/auth/password': SESSION,
  'POST /api/sync/push': SESSION,
  'POST /api/sync/pull': SESSION,
  'GET /api/forms': SESSION,
  'GET /api/records/:id': SESSION,
  'GET /api/conflicts': SESSION,
  'POST /api/conflicts/:id/resolve': OFFICE,
  'POST /api/records/:id/review': OFFICE,
  'GET /api/admin/devices': ADMIN,
  'POST /api/admin/devices/:id/revoke': ADMIN,
  'GET /api/admin/users': ADMIN,
  'POST /api/admin/users': ADMIN,
  'PATCH /api/admin/users/:id': ADMIN,
  'POST /api/admin/users/:id/disable': ADMIN,
  'POST /api/admin/users/:id/enable': ADMIN,
  'POST /api/admin/users/:id/reset-password': ADMIN,
  'GET /api/office/records': officeWith('records:read'),
  'GET /api/office/records/:id': officeWith('records:read'),
  'GET /api/office/records/:id/pdf': OFFICE,
  'GET /api/office/users': OFFICE,
  'GET /api/office/dashboard': OFFICE,
  'GET /api/office/audit': officeWith('audit:read'),
  'GET /api/office/export.csv': officeWith('export:read'),
  'GET /api/office/export.geojson': officeWith('export:read'),
  'GET /api/office/export.xlsx': officeWith('export:read'),
  'GET /api/office/tokens': ADMIN,
  'POST /api/office/tokens': ADMIN,
  'POST /api/office/tokens/:id/revoke': ADMIN,
  'GET /api/office/webhooks': ADMIN,
  'POST /api/office/webhooks': ADMIN,
  'PATCH /api/office/webhooks/:id': ADMIN,
  'GET /api/office/webhooks/:id/deliveries': ADMIN,
  'POST /api/office/webhooks/deliveries/:id/replay': ADMIN,
  'POST /api/office/care/cases': OFFICE,
  'GET /api/office/care/cases': officeWith('records:read'),
  'POST /api/office/care/cases/:id/assign': OFFICE,
  'GET /api/office/care/export.csv': officeWith('export:read'),
  'GET /api/handoff/changes': officeWith('handoff:read'),
  'POST /api/blobs/missing': SESSION,
  'GET /api/blobs/:hash': SESSION,
  // tus (resumable uploads) takes every method on the collection and on each upload.
  'POST /api/blobs/uploads': SESSION,
  'HEAD /api/blobs/uploads': SESSION,
  'PATCH /api/blobs/uploads': SESSION,
  'DELETE /api/blobs/uploads': SESSION,
  'POST /api/blobs/uploads/*': SESSION,
  'HEAD /api/blobs/uploads/*': SESSION,
  'PATCH /api/blobs/uploads/*': SESSION,
  'DELETE /api/blobs/uploads/*': SESSION,
};

/**
 * The routes fastify holds, from its route tree (`printRoutes`), as "METHOD /path" keys. HEAD next to GET mirrors
 * it and OPTIONS is tus's CORS preflight, so neither is called on its own.
 */
export function registeredRoutes(tree: string): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^((?:[│ ] {3})*)[├└]── (\S+) \(([^)]+)\)/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    const segment = m[2]!;
    const parent = stack[depth - 1] ?? '';
    const path = depth === 0 ? segment : segment.startsWith('/') ? parent + segment : `${parent}/${segment}`;
    stack[depth] = path;
    stack.length = depth + 1;
    for (const method of m[3]!.split(',').map((x) => x.trim())) {
      if (method === 'HEAD' && m[3]!.includes('GET')) continue;
      if (method === 'OPTIONS') continue;
      out.push(`${method} ${path}`);
    }
  }
  return out;
}

export function allowed(access: Access, caller: Caller): boolean {
  switch (access.kind) {
    case 'public': return true;
    case 'session': return caller !== 'anonymous' && caller !== 'api-token';
    case 'admin': return caller === 'admin';
    case 'office': return caller === 'supervisor' || caller === 'admin' || (caller === 'api-token' && access.scope !== undefined);
  }
}

/** A well-formed tus request of each method, so that only the caller decides the answer. */
export const TUS_HEADERS: Record<string, Record<string, string>> = {
  POST: { 'tus-resumable': '1.0.0', 'upload-length': '4', 'upload-metadata': `sha256 ${Buffer.from('ab'.repeat(32)).toString('base64')},mime ${Buffer.from('image/png').toString('base64')}` },
  HEAD: { 'tus-resumable': '1.0.0' },
  PATCH: { 'tus-resumable': '1.0.0', 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
  DELETE: { 'tus-resumable': '1.0.0' },
};

