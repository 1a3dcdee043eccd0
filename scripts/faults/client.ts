/**
 * The suite's users: demo accounts logged in through the real API (CSRF cookie and token, session
 * cookie), each request timed and its answer kept as a sample. Sessions live in the database, so
 * they outlast a restart of the application.
 */

export const DEMO_PASSWORD = process.env.INCAS_DEMO_PASSWORD ?? 'demo-incas-2026';

export interface Sample {
  /** When the request started (ms since the epoch) and how long it took. */
  at: number;
  ms: number;
  /** HTTP status, or 0 when no answer came (connection refused or reset, timeout). */
  status: number;
  code?: string;
}

export class Session {
  private readonly cookies = new Map<string, string>();
  private csrf = '';

  constructor(
    private readonly base: string,
    readonly email: string,
  ) {}

  private keep(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const pair = c.split(';')[0] ?? '';
      const eq = pair.indexOf('=');
      if (eq > 0) this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async login(): Promise<void> {
    const c = await fetch(`${this.base}/api/v1/auth/csrf`, { headers: { cookie: this.cookieHeader() } });
    this.keep(c);
    this.csrf = ((await c.json()) as { token: string }).token;
    const r = await this.send('POST', '/api/v1/auth/login', { email: this.email, password: DEMO_PASSWORD });
    if (r.status !== 200) throw new Error(`login of ${this.email} answered ${r.status} ${r.code ?? ''}`);
  }

  /** One request; never throws: a missing answer is status 0. `body` is parsed when JSON. */
  async send(
    method: 'GET' | 'POST' | 'PATCH',
    path: string,
    payload?: unknown,
    timeoutMs = 30_000,
  ): Promise<Sample & { body?: unknown }> {
    const at = Date.now();
    const t0 = performance.now();
    try {
      const headers: Record<string, string> = { cookie: this.cookieHeader() };
      if (method !== 'GET') {
        headers['x-csrf-token'] = this.csrf;
        headers['content-type'] = 'application/json';
      }
      const res = await fetch(`${this.base}${path}`, {
        method,
        headers,
        ...(payload !== undefined ? { body: JSON.stringify(payload) } : {}),
        signal: AbortSignal.timeout(timeoutMs),
      });
      this.keep(res);
      const text = await res.text();
      let body: unknown = undefined;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        /* not JSON */
      }
      const code = res.status >= 400 ? (body as { code?: string } | undefined)?.code : undefined;
      return { at, ms: performance.now() - t0, status: res.status, ...(code ? { code } : {}), body };
    } catch {
      return { at, ms: performance.now() - t0, status: 0 };
    }
  }
}

/** Logs every account in, a few at a time (argon2 is slow on purpose). */
export async function loginAll(base: string, emails: string[]): Promise<Session[]> {
  const sessions = emails.map((e) => new Session(base, e));
  for (let i = 0; i < sessions.length; i += 4) await Promise.all(sessions.slice(i, i + 4).map((s) => s.login()));
  return sessions;
}

/** Runs `step` in a loop on each session until `stop()` is called; collects the samples. */
export class Load {
  readonly samples: Sample[] = [];
  private running = true;
  private readonly loops: Promise<void>[];

  constructor(sessions: Session[], step: (s: Session) => Promise<Sample>, pauseMs = 0) {
    this.loops = sessions.map(async (s) => {
      while (this.running) {
        const sample = await step(s);
        this.samples.push(sample);
        // a refused connection answers at once: do not spin while the server is away
        const pause = sample.status === 0 ? Math.max(pauseMs, 50) : pauseMs;
        if (pause) await new Promise((r) => setTimeout(r, pause));
      }
    });
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }
}

export const listCases = (s: Session): Promise<Sample> => s.send('GET', '/api/v1/pilot/cases?pageSize=50');
export const health = (s: Session): Promise<Sample> => s.send('GET', '/api/health', undefined, 5_000);

/** A referral through the API; the ids of the acknowledged (201) ones go to `acked`. */
export function createReferral(acked: string[]): (s: Session) => Promise<Sample> {
  return async (s) => {
    const r = await s.send('POST', '/api/v1/pilot/referrals', {
      receivedOn: '2026-05-04',
      source: 'inl',
      channel: 'telefono',
      sector: 'agricoltura',
      screening: [],
    });
    if (r.status === 201) acked.push((r.body as { id: string }).id);
    const { body: _body, ...sample } = r;
    return sample;
  };
}

export interface Figures {
  n: number;
  ok: number;
  s503: number;
  other5xx: number;
  other4xx: number;
  noAnswer: number;
  p50: number;
  p99: number;
  max: number;
}

export function figures(samples: Sample[]): Figures {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const pct = (p: number) => (ms.length ? ms[Math.min(ms.length - 1, Math.ceil((p / 100) * ms.length) - 1)]! : NaN);
  return {
    n: samples.length,
    ok: samples.filter((s) => s.status >= 200 && s.status < 300).length,
    s503: samples.filter((s) => s.status === 503).length,
    other5xx: samples.filter((s) => s.status >= 500 && s.status !== 503).length,
    other4xx: samples.filter((s) => s.status >= 400 && s.status < 500).length,
    noAnswer: samples.filter((s) => s.status === 0).length,
    p50: pct(50),
    p99: pct(99),
    max: ms.length ? ms[ms.length - 1]! : NaN,
  };
}

/** The samples of requests that started in [from, to). */
export function between(samples: Sample[], from: number, to: number): Sample[] {
  return samples.filter((s) => s.at >= from && s.at < to);
}

/** The Saluzzo response of the demo's open survey wave, as its compilatore sees it. */
export interface SurveyTarget {
  responseId: string;
  waveId: string;
}

export async function surveyTarget(s: Session): Promise<SurveyTarget> {
  const r = await s.send('GET', '/api/v1/surveys/my/responses');
  const items = (r.body as { items?: { id: string; waveId: string; waveStatus: string }[] } | undefined)?.items ?? [];
  const open = items.find((i) => i.waveStatus === 'aperta');
  if (!open) throw new Error(`${s.email} has no response in an open survey wave (answered ${r.status})`);
  return { responseId: open.id, waveId: open.waveId };
}

export const surveyFunnel = (t: SurveyTarget) => (s: Session) =>
  s.send('GET', `/api/v1/surveys/waves/${t.waveId}/funnel?groupBy=region`).then(({ body: _b, ...sample }) => sample);
export const surveyResponse = (t: SurveyTarget) => (s: Session) =>
  s.send('GET', `/api/v1/surveys/responses/${t.responseId}`).then(({ body: _b, ...sample }) => sample);

/**
 * The saves of survey answers over a whole scenario: how many were acknowledged, the highest n
 * acknowledged per question, and the highest n sent per question (the next round goes on from it,
 * so n rises over the rounds as the check of what is stored assumes).
 */
export interface AnswerAcks {
  count: number;
  last: Map<string, number>;
  sent: Map<string, number>;
}

/**
 * Saves one text answer of the response again and again, "Prova <n>" with n rising; `acked` keeps,
 * per question, the highest n acknowledged (200), and counts the acknowledged saves. Each writer owns its question, so saves of two
 * writers never conflict; the base version is the one of the writer's last answer (409: the one
 * the server names).
 */
export function saveSurveyAnswer(
  t: SurveyTarget,
  question: string,
  acked: AnswerAcks,
): (s: Session) => Promise<Sample> {
  let base = 0;
  return async (s) => {
    // each round starts a new saver: n goes on from the last one sent in the scenario
    const n = (acked.sent.get(question) ?? 0) + 1;
    acked.sent.set(question, n);
    const r = await s.send('PATCH', `/api/v1/surveys/responses/${t.responseId}/answers`, {
      baseVersion: base,
      answers: { [question]: `Prova ${n}` },
    });
    const body = r.body as { rowVersion?: number; context?: { rowVersion?: number } } | undefined;
    if (r.status === 200 && body?.rowVersion !== undefined) {
      base = body.rowVersion;
      acked.last.set(question, Math.max(acked.last.get(question) ?? 0, n));
      acked.count++;
    } else if (r.status === 409 && body?.context?.rowVersion !== undefined) {
      base = body.context.rowVersion;
    }
    const { body: _body, ...sample } = r;
    return sample;
  };
}
