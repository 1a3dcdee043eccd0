import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from './mail.js';

interface Received { from: string; to: string[]; raw: string }

/** A loopback MTA that keeps every message it receives (no TLS, no AUTH). */
let server: SMTPServer;
let port: number;
const received: Received[] = [];
let refuse = false;

beforeAll(async () => {
  server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refuse) return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** The body with quoted-printable soft breaks and escapes undone (ASCII checks only). */
function plain(raw: string): string {
  return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

describe('mail', () => {
  it('sends nothing without a relay', () => {
    expect(createMailer({ smtpUrl: null, mailFrom: 'noreply@incas.local' })).toBeNull();
  });

  it('delivers a message to the SMTP relay with the configured sender', async () => {
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: 'noreply@incas.test' })!;
    await mailer.send({ to: 'operatore@comune.test', subject: 'InCaS digest', text: 'Tre attività in scadenza.\nThree tasks due.' });
    expect(received).toHaveLength(1);
    const m = received[0]!;
    expect(m.from).toBe('noreply@incas.test');
    expect(m.to).toEqual(['operatore@comune.test']);
    expect(m.raw).toMatch(/^Subject: InCaS digest\r?$/m);
    expect(m.raw).toMatch(/^To: operatore@comune\.test\r?$/m);
    expect(plain(m.raw)).toContain('Three tasks due.');
  });

  it('rejects when the relay refuses the message', async () => {
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: 'noreply@incas.test' })!;
    refuse = true;
    try {
      await expect(mailer.send({ to: 'x@comune.test', subject: 'x', text: 'x' })).rejects.toThrow(/Mailbox unavailable/);
    } finally {
      refuse = false;
    }
  });

  it('rejects when nothing listens at the relay address', async () => {
    const closed = new SMTPServer({ disabledCommands: ['STARTTLS', 'AUTH'], logger: false });
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadPort = (closed.server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${deadPort}`, mailFrom: 'noreply@incas.test' })!;
    await expect(mailer.send({ to: 'x@comune.test', subject: 'x', text: 'x' })).rejects.toThrow();
  });
});
