/**
 * Outgoing e-mail over SMTP with nodemailer (decision 0012). One relay named by INCAS_SMTP_URL;
 * without it the platform sends no e-mail at all (`createMailer` answers null). Messages carry
 * links and pseudonyms only, never personal data of beneficiaries.
 *
 * A mailer is a small pool of SMTP connections (decision 0040): the messages of one batch (a job
 * run, a manual dispatch) go over the same few connections instead of one TCP + SMTP handshake
 * each. Whoever creates a mailer closes it when the batch ends (`withMailer` does it); a batch that
 * is still running at shutdown closes its pool when the job runner has waited for it.
 */
import nodemailer from 'nodemailer';
import type { Config } from '../config.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  /**
   * Hands the message to the relay; rejects when the relay refuses it, the connection breaks while
   * it is being sent, or the relay does not answer in time. A message that rejected was not
   * accepted by the relay as far as this side knows: it is never sent again behind the caller.
   */
  send(m: MailMessage): Promise<void>;
  /** Closes the pool's connections (QUIT); messages still queued reject. */
  close(): void;
}

/** How long to wait for the relay at each step: a stuck relay must not hold a job for minutes. */
const TIMEOUT_MS = 10_000;
/** Connections open at once to the relay: a relay usually limits them per client. */
const MAX_CONNECTIONS = 3;
/** Messages per connection before it is replaced (relays limit messages per session, often 100). */
const MAX_MESSAGES = 100;

/** The SMTP mailer of this instance, or null when no relay is configured. Close it after the batch. */
export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom'>): Mailer | null {
  if (!config.smtpUrl) return null;
  // smtp:// upgrades with STARTTLS when the relay offers it; smtps:// is TLS from the start
  const transport = nodemailer.createTransport({
    url: config.smtpUrl,
    pool: true,
    maxConnections: MAX_CONNECTIONS,
    maxMessages: MAX_MESSAGES,
    // a connection that breaks during a message fails that message (the caller records it and
    // tries again later) instead of nodemailer sending it once more on another connection: the
    // relay may have accepted it before the break, and a message goes out at most once
    maxRequeues: 0,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  return {
    async send(m) {
      await transport.sendMail({
        from: config.mailFrom,
        to: m.to,
        subject: m.subject,
        text: m.text,
        ...(m.html !== undefined ? { html: m.html } : {}),
      });
    },
    close() {
      transport.close();
    },
  };
}

/** Runs `fn` with a mailer (null without a relay) and closes its pool however `fn` ends. */
export async function withMailer<T>(
  config: Pick<Config, 'smtpUrl' | 'mailFrom'>,
  fn: (mailer: Mailer | null) => Promise<T>,
): Promise<T> {
  const mailer = createMailer(config);
  try {
    return await fn(mailer);
  } finally {
    mailer?.close();
  }
}
