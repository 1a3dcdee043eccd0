/** HTTP helpers of the benchmark: logging in through the real API, reading JSON answers, a closed-loop load. */

const DEMO_PASSWORD = 'demo-incas-2026';

function cookiePairs(res: Response): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of res.headers.getSetCookie()) {
    const pair = c.split(';')[0] ?? '';
    const eq = pair.indexOf('=');
    if (eq > 0) out.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  return out;
}

/** Logs in through the real API (CSRF token + cookie, then POST /auth/login); returns the session cookie. */
export async function logIn(base: string, email: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/v1/auth/csrf`);
  if (csrfRes.status !== 200) throw new Error(`GET /api/v1/auth/csrf answered ${csrfRes.status}`);
  const { token } = (await csrfRes.json()) as { token: string };
  const jar = cookiePairs(csrfRes);
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-csrf-token': token,
      cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
    },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`POST /api/v1/auth/login answered ${res.status}: ${await res.text()}`);
  const session = [...cookiePairs(res)].find(([k]) => k === 'incas-session' || k === '__Host-incas-session');
  if (!session) throw new Error('Login answered 200 without a session cookie');
  return `${session[0]}=${session[1]}`;
}

export async function getJson(url: string, cookie: string): Promise<unknown> {
  const res = await fetch(url, { headers: { cookie } });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as unknown;
}

/** What a closed-loop load measured: requests, wall time, throughput, latency percentiles, non-200s. */
export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  failures: number;
}

/**
 * Sends `n` requests over `connections` concurrent loops (each sends its next request when the
 * previous answer has been read whole) and measures each request's latency.
 */
export async function closedLoop(
  n: number,
  connections: number,
  request: (i: number) => Promise<Response>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      for (let i = next++; i < n; i = next++) {
        const t0 = performance.now();
        const res = await request(i);
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (res.status !== 200) failures++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
  return { requests: n, seconds, rps: n / seconds, p50: pct(50), p99: pct(99), failures };
}
