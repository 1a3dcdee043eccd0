/**
 * The application under test, as production runs it: `node dist/server/main.js` (what `npm start`
 * runs after the build) as a child process on a loopback port, in demo mode, on the suite's
 * database. Every exit is recorded; one the suite did not cause is a failure.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** True when the suite killed or stopped the process itself. */
  expected: boolean;
}

/** Compiles the server (the server half of `npm run build`; the web client plays no part here). */
export function buildServer(root: string): Promise<number> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.server.json'],
      { cwd: root, timeout: 300_000 },
      (err, stdout) =>
        err ? reject(new Error(`build failed: ${err.message}\n${stdout}`)) : resolve(Date.now() - started),
    );
  });
}

export class AppProcess {
  readonly exits: Exit[] = [];
  private proc: ChildProcess | null = null;
  private killing = false;
  private exited: Promise<void> = Promise.resolve();
  /** Where the current run's output starts in the log file. */
  private logFrom = 0;

  constructor(
    private readonly root: string,
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
    readonly logFile: string,
  ) {}

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.proc?.pid;
  }

  get running(): boolean {
    return this.proc !== null;
  }

  /** Unexpected exits so far. */
  get crashes(): number {
    return this.exits.filter((e) => !e.expected).length;
  }

  /** Starts the server and waits until /api/health answers 200; returns the time it took (ms). */
  async start(timeoutMs: number): Promise<number> {
    if (this.proc) throw new Error('already running');
    const started = Date.now();
    this.logFrom = existsSync(this.logFile) ? statSync(this.logFile).size : 0;
    const log = openSync(this.logFile, 'a');
    const proc = spawn(process.execPath, ['dist/server/main.js'], {
      cwd: this.root,
      env: this.env,
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    this.proc = proc;
    this.killing = false;
    this.exited = new Promise((resolve) => {
      proc.once('exit', (code, signal) => {
        this.exits.push({ code, signal, expected: this.killing });
        if (this.proc === proc) this.proc = null;
        resolve();
      });
    });
    const deadline = started + timeoutMs;
    while (Date.now() < deadline) {
      if (this.proc !== proc) throw new Error(`the server exited while starting; its log:\n${this.logTail()}`);
      const ok = await fetch(`${this.base}/api/health`, { signal: AbortSignal.timeout(2000) })
        .then((r) => r.status === 200)
        .catch(() => false);
      if (ok) return Date.now() - started;
      await new Promise((r) => setTimeout(r, 150));
    }
    await this.kill();
    throw new Error(`the server did not answer /api/health within ${timeoutMs} ms; its log:\n${this.logTail()}`);
  }

  /** SIGKILL, as a crash or the OOM killer would; waits for the exit. */
  async kill(): Promise<void> {
    if (!this.proc) return;
    this.killing = true;
    this.proc.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM (the orderly stop), SIGKILL after 10 s. */
  async stop(): Promise<void> {
    if (!this.proc) return;
    this.killing = true;
    const proc = this.proc;
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
    await this.exited;
    clearTimeout(timer);
  }

  /** Peak and current resident memory (MiB) of the running server, from /proc. */
  memory(): { peakMiB: number; rssMiB: number } | null {
    if (!this.proc?.pid) return null;
    try {
      const status = readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
      const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
      return { peakMiB: kb('VmHWM') / 1024, rssMiB: kb('VmRSS') / 1024 };
    } catch {
      return null;
    }
  }

  /** The last lines of the current (or last) run's output. */
  logTail(lines = 30): string {
    return this.runLog().split('\n').slice(-lines).join('\n');
  }

  /** The lines of the last run's output that say why it ended (Node's crash report, fatal logs). */
  whyItEnded(max = 6): string {
    const lines = this.runLog()
      .split('\n')
      .filter((l) => /Unhandled|uncaught|^\S*Error\b|^\s*code: |"level":60|heap out of memory|Node\.js v/.test(l));
    return (lines.length ? lines.slice(0, max) : ['(nothing in the log)'])
      .map((l) => `    ${l.slice(0, 200)}`)
      .join('\n');
  }

  private runLog(): string {
    try {
      return readFileSync(this.logFile).subarray(this.logFrom).toString('utf8');
    } catch {
      return '';
    }
  }
}
