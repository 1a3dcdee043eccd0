import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { plainText as plain, startSmtp, type TestSmtp } from '../../tests/support/smtp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, withMailer } from './mail.js';

/** A loopback MTA that keeps every message it receives. */
let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => smtp.close());

describe('mail', () => {
  it('sends nothing without a relay', () => {
    expect(createMailer({ smtpUrl: null, mailFrom: 'noreply@incas.local' })).toBeNull();
  });

  it('delivers a message to the SMTP relay with the configured sender', async () => {
    const mailer = createMailer({ smtpUrl: smtp.url, mailFrom: 'noreply@incas.test' })!;
    await mailer.send({
      to: 'operatore@comune.test',
      subject: 'InCaS digest',
      text: 'Tre attività in scadenza.\nThree tasks due.',
    });
    expect(smtp.received).toHaveLength(1);
    const m = smtp.received[0]!;
    expect(m.from).toBe('noreply@incas.test');
    expect(m.to).toEqual(['operatore@comune.test']);
    expect(m.raw).toMatch(/^Subject: InCaS digest\r?$/m);
    expect(m.raw).toMatch(/^To: operatore@comune\.test\r?$/m);
    expect(plain(m.raw)).toContain('Three tasks due.');
    mailer.close();
  });

  it('rejects when the relay refuses the message', async () => {
    const mailer = createMailer({ smtpUrl: smtp.url, mailFrom: 'noreply@incas.test' })!;
    smtp.refuse = true;
    try {
      await expect(mailer.send({ to: 'x@comune.test', subject: 'x', text: 'x' })).rejects.toThrow(
        /Mailbox unavailable/,
      );
    } finally {
      smtp.refuse = false;
      mailer.close();
    }
  });

  it('sends a batch over a few reused connections, and a refusal fails that message only', async () => {
    const before = smtp.connections;
    const receivedBefore = smtp.received.length;
    const outcomes = await withMailer({ smtpUrl: smtp.url, mailFrom: 'noreply@incas.test' }, async (mailer) => {
      const first = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) => mailer!.send({ to: `a${i}@comune.test`, subject: 's', text: 't' })),
      );
      smtp.refuse = true;
      const refused = await mailer!.send({ to: 'r@comune.test', subject: 's', text: 't' }).then(
        () => 'sent',
        (err: Error) => err.message,
      );
      smtp.refuse = false;
      const after = await mailer!.send({ to: 'b@comune.test', subject: 's', text: 't' }).then(() => 'sent');
      return { first, refused, after };
    });
    expect(outcomes.first.every((o) => o.status === 'fulfilled')).toBe(true);
    expect(outcomes.refused).toMatch(/Mailbox unavailable/);
    expect(outcomes.after).toBe('sent');
    expect(smtp.received.length - receivedBefore).toBe(21);
    // 22 messages, at most 3 connections (the pool's size): not one per message
    expect(smtp.connections - before).toBeLessThanOrEqual(3);
  });

  it('rejects when nothing listens at the relay address', async () => {
    const closed = new SMTPServer({ disabledCommands: ['STARTTLS', 'AUTH'], logger: false });
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadPort = (closed.server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${deadPort}`, mailFrom: 'noreply@incas.test' })!;
    await expect(mailer.send({ to: 'x@comune.test', subject: 'x', text: 'x' })).rejects.toThrow();
    mailer.close();
  });
});
