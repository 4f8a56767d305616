// JSON POST helper shared by the benchmarks that drive the real server over HTTP on 127.0.0.1.

export async function post(base: string, path: string, body: unknown, token?: string): Promise<{ status: number; json: unknown }> {
  const res = await fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}
