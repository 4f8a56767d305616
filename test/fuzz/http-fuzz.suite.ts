// The HTTP fuzz suite, run per store: random malformed bodies to push/pull/login/resolve/blobs-missing; never a 5xx, the server stays up, and the stored data is unchanged.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoggedIn, TestServer } from '../sync-server/test-server.ts';
import { initialAnswers, newRecordId, op, pushBody } from '../sync-server/ops.ts';

const SEED = 20261128;

export interface FuzzStore {
  /** A test server on the store under test, demo-seeded. */
  start(): Promise<TestServer>;
  /** A digest of the stored sync data (records, ops, conflicts, users, blobs): equal before and after = nothing changed. */
  digest(server: TestServer): Promise<string>;
}

export function describeHttpFuzz(name: string, runs: number, fuzzStore: FuzzStore): void {
  let server: TestServer;
  let surveyor: LoggedIn;
  let supervisor: LoggedIn;
  let conflictId: string;
  const digest = () => fuzzStore.digest(server);

  beforeAll(async () => {
    server = await fuzzStore.start();
    surveyor = await server.login('surveyor', 'fuzz-tablet-a');
    const other = await server.login('surveyor', 'fuzz-tablet-b');
    supervisor = await server.login('supervisor', 'fuzz-office');
    // One open conflict, so resolve requests have a real target that malformed bodies must not touch.
    const recordId = newRecordId();
    await server.app.inject({ method: 'POST', url: '/api/sync/push', headers: surveyor.headers, payload: pushBody(surveyor.deviceId, [op({ deviceId: surveyor.deviceId, seq: 1, recordId, path: '@create', value: initialAnswers() })]) });
    const pulled = (await server.app.inject({ method: 'POST', url: '/api/sync/pull', headers: other.headers, payload: { protocolVersion: 2, checkpoint: 0, limit: 1000 } })).json();
    const base = pulled.records.find((r: { id: string }) => r.id === recordId).fieldVersions.building_count ?? 0;
    await server.app.inject({ method: 'POST', url: '/api/sync/push', headers: surveyor.headers, payload: pushBody(surveyor.deviceId, [op({ deviceId: surveyor.deviceId, seq: 2, recordId, path: 'building_count', value: 5, baseVersion: base })]) });
    await server.app.inject({ method: 'POST', url: '/api/sync/push', headers: other.headers, payload: pushBody(other.deviceId, [op({ deviceId: other.deviceId, seq: 1, recordId, path: 'building_count', value: 7, baseVersion: base })]) });
    const conflicts = (await server.app.inject({ method: 'GET', url: '/api/conflicts?status=open', headers: supervisor.headers })).json().conflicts;
    conflictId = conflicts[0].id;
  }, 60_000);

  afterAll(async () => {
    await server?.close();
  });

  type Target = 'push' | 'pull' | 'login' | 'resolve' | 'missing';

  /** A well-formed body per target that nonetheless cannot change data (unknown record; wrong password). */
  function validBase(target: Target): Record<string, unknown> {
    switch (target) {
      case 'push':
        return pushBody(surveyor.deviceId, [op({ deviceId: surveyor.deviceId, seq: 900_000, recordId: newRecordId(), path: 'building_count', value: 3, baseVersion: 1 })]);
      case 'pull':
        return { protocolVersion: 2, checkpoint: 0, limit: 10 };
      case 'login':
        return { username: 'surveyor', password: 'wrong', deviceId: 'fuzz-tablet-a', deviceLabel: 'x' };
      case 'resolve':
        return { value: 1, reason: 'fuzz' };
      case 'missing':
        return { hashes: ['0'.repeat(64)] };
    }
  }

  const nonString = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.jsonValue(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 }));

  /** One malformed request body: raw text plus the content type it is sent with. */
  const malformedBody = (target: Target): fc.Arbitrary<{ text: string; type: string }> => {
    const json = (value: unknown) => ({ text: JSON.stringify(value), type: 'application/json' });
    return fc.oneof(
      // Random JSON of any shape.
      fc.jsonValue({ maxDepth: 4 }).map(json),
      // A valid body cut short.
      fc.nat().map((cut) => {
        const text = JSON.stringify(validBase(target));
        return { text: text.slice(0, cut % text.length), type: 'application/json' };
      }),
      // A key replaced by a value of the wrong type, or removed.
      fc.tuple(fc.nat(), nonString, fc.boolean()).map(([pick, value, remove]) => {
        const body = validBase(target);
        // Any JSON is a valid resolve `value`: only breaking `reason` makes a resolve body malformed.
        const keys = target === 'resolve' ? ['reason'] : Object.keys(body);
        const key = keys[pick % keys.length] as string;
        if (remove) delete body[key];
        else body[key] = value;
        return json(body);
      }),
      // The ops inside a push with a field of the wrong type.
      fc.tuple(fc.constantFrom('opId', 'recordId', 'formId', 'formVersion', 'path', 'hlc', 'baseVersion'), nonString).map(([key, value]) => {
        const body = validBase('push') as { ops: Record<string, unknown>[] };
        (body.ops[0] as Record<string, unknown>)[key] = value;
        return json(target === 'push' ? body : { ...validBase(target), ops: body.ops, extra: value });
      }),
      // One string field holding text a database may refuse (NUL) or cannot encode (an unpaired surrogate).
      // (A resolve body with such a reason is well-formed and would resolve the conflict: there it rides in an unknown key.)
      fc.tuple(fc.nat(), fc.constantFrom('\u0000', 'a\u0000b', '\uD800', 'x\uDC00y')).map(([pick, text]) => {
        const body = validBase(target);
        const fields = target === 'push' ? (body.ops as Record<string, unknown>[])[0]! : body;
        const keys = target === 'resolve' ? [] : Object.keys(fields).filter((key) => typeof fields[key] === 'string');
        if (keys.length === 0) return json({ ...body, text });
        const key = keys[pick % keys.length] as string;
        fields[key] = `${fields[key] as string}${text}`;
        return json(body);
      }),
      // Wrong protocol versions.
      fc.oneof(fc.integer(), fc.string(), fc.constant(null)).filter((v) => v !== 1).map((version) => json({ ...validBase(target), protocolVersion: version })),
      // Prototype-pollution keys.
      fc.constantFrom('{"__proto__":{"role":"admin"}}', '{"constructor":{"prototype":{"role":"admin"}}}', '{"protocolVersion":2,"__proto__":{"checkpoint":0}}', '{"a":{"__proto__":{"x":1}}}')
        .map((text) => ({ text, type: 'application/json' })),
      // Huge strings that still fit the 1 MiB limit.
      fc.integer({ min: 10_000, max: 900_000 }).map((n) => json({ ...validBase(target), padding: 'あ'.repeat(Math.floor(n / 3)) })),
      // Not JSON at all, or sent as another content type.
      fc.tuple(fc.string({ maxLength: 200 }), fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/octet-stream'))
        .map(([text, type]) => ({ text, type })),
    );
  };

  const request = fc.constantFrom<Target>('push', 'pull', 'login', 'resolve', 'missing').chain((target) =>
    fc.record({ target: fc.constant(target), body: malformedBody(target), realConflict: fc.boolean(), asSupervisor: fc.boolean() }),
  );

  describe(`HTTP fuzz: ${name}`, () => {
    it(`survives ${runs} malformed bodies: no 5xx, still healthy, stored data unchanged`, async () => {
      const before = await digest();
      const statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(request, async ({ target, body, realConflict, asSupervisor }) => {
          const url = target === 'push' ? '/api/sync/push'
            : target === 'pull' ? '/api/sync/pull'
            : target === 'login' ? '/api/auth/login'
            : target === 'missing' ? '/api/blobs/missing'
            : `/api/conflicts/${realConflict ? conflictId : 'no-such-conflict'}/resolve`;
          const headers: Record<string, string> = { 'content-type': body.type };
          if (target !== 'login') Object.assign(headers, (asSupervisor || target === 'resolve' ? supervisor : surveyor).headers);
          const res = await server.app.inject({ method: 'POST', url, headers, payload: body.text });
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          expect(res.statusCode, `${target} ${body.type} ${body.text.slice(0, 200)} → ${res.body.slice(0, 300)}`).toBeLessThan(500);
          if (res.statusCode >= 400) expect(res.json().error.code).toMatch(/^E_[A-Z_]+$/);
        }),
        { numRuns: runs, seed: SEED, endOnFailure: true },
      );
      const health = await server.app.inject({ method: 'GET', url: '/healthz' });
      expect(health.statusCode).toBe(200);
      expect(await digest()).toBe(before);
      // Most bodies must be refused; a few (e.g. a pull with an extra padding key stripped) may pass, but never write.
      const refused = [...statuses].filter(([status]) => status >= 400).reduce((n, [, count]) => n + count, 0);
      expect(refused).toBeGreaterThan(runs * 0.9);
    }, 180_000);

    it('answers a few well-formed wrong-password logins with 401 E_AUTH and no change', async () => {
      const before = await digest();
      // Not 'surveyor': the fuzz's wrong-password logins for it may have reached the login throttle (429).
      for (let i = 0; i < 5; i++) {
        const res = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'assessor', password: `guess-${i}`, deviceId: 'fuzz-tablet-a', deviceLabel: 'x' } });
        expect(res.statusCode).toBe(401);
      }
      expect(await digest()).toBe(before);
    });
  });
}
