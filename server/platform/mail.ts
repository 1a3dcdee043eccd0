/**
 * Outgoing e-mail over SMTP with nodemailer (decision 0012). One relay named by INCAS_SMTP_URL;
 * without it the platform sends no e-mail at all (`createMailer` answers null). Messages carry
 * links and pseudonyms only, never personal data of beneficiaries.
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
  /** Hands the message to the relay; rejects when the relay refuses it or does not answer in time. */
  send(m: MailMessage): Promise<void>;
}

/** How long to wait for the relay at each step: a stuck relay must not hold a job for minutes. */
const TIMEOUT_MS = 10_000;

/** The SMTP mailer of this instance, or null when no relay is configured. */
export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom'>): Mailer | null {
  if (!config.smtpUrl) return null;
  // smtp:// upgrades with STARTTLS when the relay offers it; smtps:// is TLS from the start
  const transport = nodemailer.createTransport({
    url: config.smtpUrl,
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
  };
}
