// serverHlc never goes backwards from one answer to the next (push or pull), and a device that merges it stamps its next edit after everything admitted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClock, format, nodeIdFrom, send } from '../../src/protocol/hlc.ts';
import { observeServerHlc } from '../../src/protocol/replica.ts';
import { initialAnswers, newRecordId, op, pullBody, pushBody } from './ops.ts';
import { startTestServer, type LoggedIn, type TestServer } from './test-server.ts';

let server: TestServer;
let device: LoggedIn;

beforeAll(async () => {
  server = await startTestServer();
  device = await server.login('surveyor');
});
afterAll(async () => {
  await server.close();
});

async function push(ops: unknown[]): Promise<string> {
  const res = await server.app.inject({ method: 'POST', url: '/api/sync/push', headers: device.headers, payload: pushBody(device.deviceId, ops) });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { serverHlc: string }).serverHlc;
}

async function pull(): Promise<string> {
  const res = await server.app.inject({ method: 'POST', url: '/api/sync/pull', headers: device.headers, payload: pullBody(0, 1000) });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { serverHlc: string }).serverHlc;
}

describe('serverHlc is monotonic across answers', () => {
  it('push, pull, a replayed push, pull … never answer a smaller serverHlc than an earlier answer', async () => {
    const recordId = newRecordId();
    let seq = 0;
    const answers: string[] = [];
    const pushedStamps: string[] = [];
    for (let round = 0; round < 5; round++) {
      const batch = [round === 0
        ? op({ deviceId: device.deviceId, seq: ++seq, recordId, path: '@create', value: initialAnswers() })
        : op({ deviceId: device.deviceId, seq: ++seq, recordId, path: 'inspector_name', value: `調査 ${round}` })];
      pushedStamps.push(batch[0]!.hlc);
      answers.push(await push(batch));
      answers.push(await pull());
      // A lost answer makes the device send the same batch again: all 'duplicate', nothing admitted.
      answers.push(await push(batch));
      answers.push(await pull());
    }
    for (let i = 1; i < answers.length; i++) {
      expect(answers[i]! >= answers[i - 1]!, `answer ${i}: ${answers[i]} after ${answers[i - 1]}`).toBe(true);
    }
    // A tablet whose wall clock is a day behind still stamps its next edit after everything it has seen.
    const behind = Date.now() - 24 * 60 * 60 * 1000;
    const fresh = createClock(nodeIdFrom(device.deviceId));
    if (!fresh.ok) throw new Error(fresh.message);
    const next = format(send(observeServerHlc(fresh.value, answers.at(-1)!, behind), behind));
    for (const stamp of [...pushedStamps, ...answers]) expect(next > stamp, `${next} after ${stamp}`).toBe(true);
  });
});
