// Export downloads report their progress: bytes of Content-Length as they arrive, an unknown total without it or when outgrown, a broken connection as E_OFFLINE.
import { describe, expect, it } from 'vitest';
import { readWithProgress, type DownloadProgress } from '../../src/app/office/api/readWithProgress.ts';

function streamOf(chunks: string[], failAfter?: number): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      if (failAfter !== undefined && i === failAfter) return controller.error(new TypeError('network error'));
      if (i === chunks.length) return controller.close();
      controller.enqueue(new TextEncoder().encode(chunks[i++]!));
    },
  });
}

async function read(response: Response) {
  const seen: DownloadProgress[] = [];
  const blob = await readWithProgress(response, (p) => seen.push(p));
  return { seen, text: await blob.text(), type: blob.type };
}

describe('readWithProgress', () => {
  it('counts the bytes against Content-Length and keeps the content type', async () => {
    const response = new Response(streamOf(['記録,', 'abc']), { headers: { 'content-length': '10', 'content-type': 'text/csv; charset=utf-8' } });
    const { seen, text, type } = await read(response);
    expect(seen).toEqual([{ received: 0, total: 10 }, { received: 7, total: 10 }, { received: 10, total: 10 }]);
    expect(text).toBe('記録,abc');
    expect(type).toBe('text/csv; charset=utf-8');
  });

  it('has no total without Content-Length, nor once more bytes arrived than it named', async () => {
    expect((await read(new Response(streamOf(['ab', 'cd'])))).seen.map((p) => p.total)).toEqual([null, null, null]);
    expect((await read(new Response(streamOf(['abc', 'def']), { headers: { 'content-length': '4' } }))).seen).toEqual([
      { received: 0, total: 4 }, { received: 3, total: 4 }, { received: 6, total: null },
    ]);
  });

  it('a connection lost mid-file is E_OFFLINE', async () => {
    await expect(readWithProgress(new Response(streamOf(['ab', 'cd'], 1)), () => {})).rejects.toMatchObject({ code: 'E_OFFLINE' });
  });
});
