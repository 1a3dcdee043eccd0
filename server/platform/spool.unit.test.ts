/**
 * The spool of prepared downloads, without HTTP: writers run a few at a time and the rest wait,
 * too many waiting is refused, a failed writer leaves a failed file and no bytes, each user keeps
 * a few files, and a file belongs to its owner only.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { createSpool, type Spool, type SpoolJob } from './spool.js';

let spool: Spool;
afterEach(() => spool.close());

/** A job whose writer waits for `gate` before writing `text`. */
function job(owner: string, text: string, gate: Promise<void> = Promise.resolve()): SpoolJob {
  return {
    owner,
    filename: 'f.csv',
    mediaType: 'text/csv',
    total: 2,
    write: async (out, progress) => {
      await gate;
      progress(1);
      out.write(text);
      progress(2);
      out.end();
    },
  };
}

async function settled(id: string, owner: string) {
  for (let i = 0; i < 200; i++) {
    const v = spool.view(id, owner)!;
    if (v.status === 'ready' || v.status === 'failed') return v;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('never settled');
}

describe('spool', () => {
  it('runs maxRunning writers at once, queues the others, refuses beyond maxQueued', async () => {
    spool = createSpool({ maxRunning: 1, maxQueued: 1 });
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const a = spool.start(job('u1', 'aaa', gate));
    const b = spool.start(job('u2', 'bbb'));
    expect(spool.view(a.id, 'u1')!.status).toBe('preparing');
    expect(spool.view(b.id, 'u2')!.status).toBe('queued');
    expect(() => spool.start(job('u3', 'ccc'))).toThrow(AppError);
    try {
      spool.start(job('u3', 'ccc'));
    } catch (e) {
      expect((e as AppError).code).toBe('spool.busy');
    }
    open();
    expect(await settled(a.id, 'u1')).toMatchObject({ status: 'ready', done: 2, total: 2, bytes: 3 });
    expect(await settled(b.id, 'u2')).toMatchObject({ status: 'ready', bytes: 3 });
  });

  it('a writer that fails leaves a failed file', async () => {
    spool = createSpool();
    const v = spool.start({
      ...job('u1', ''),
      write: async (out) => {
        out.write('half');
        throw new Error('database gone');
      },
    });
    expect(await settled(v.id, 'u1')).toMatchObject({ status: 'failed', bytes: null });
  });

  it('a file is its owner’s only, and each owner keeps maxPerOwner files', async () => {
    spool = createSpool({ maxPerOwner: 2 });
    const first = spool.start(job('u1', '1'));
    await settled(first.id, 'u1');
    expect(spool.view(first.id, 'u2')).toBeNull();
    const second = spool.start(job('u1', '2'));
    await settled(second.id, 'u1');
    const third = spool.start(job('u1', '3'));
    await settled(third.id, 'u1');
    expect(spool.view(first.id, 'u1')).toBeNull();
    expect(spool.view(second.id, 'u1')).not.toBeNull();
  });
});
