/**
 * Sending a batch of invitations, `npm run bench:mail` (bench/README.md, "Surveys: the mail
 * batch"): N messages of an invitation's size (BENCH_MAIL_MESSAGES, 300) to a real SMTP server on
 * loopback (smtp-server, the tests' relay), one after the other as the surveys' job sends them,
 *
 * - **per message**: a new SMTP connection for each message, as `platform/mail.ts` did before
 *   decision 0040 (nodemailer's plain SMTP transport, same timeouts);
 * - **pooled**: the app's own `createMailer` (a pool of connections, reused across the batch).
 *
 * A relay on loopback answers in microseconds; a real one is a network away. BENCH_SMTP_RTT_MS
 * (default 0,10) adds that round trip to each step of the dialogue on the server side: twice for
 * the connection (TCP + greeting/EHLO), once each for MAIL FROM, RCPT TO and DATA. Each RTT is
 * measured separately. The ratio is per message ÷ pooled time (higher: the pool saves more).
 */
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { createMailer } from '../server/platform/mail.js';

const MESSAGES = Number(process.env.BENCH_MAIL_MESSAGES || 300);
const RTTS = (process.env.BENCH_SMTP_RTT_MS || '0,10').split(',').map((s) => Number(s.trim()));
const FROM = 'noreply@incas.bench';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** An invitation's size: a few paragraphs of text and a link. */
const body = `${'Gentile Comune, la invitiamo a compilare il questionario nazionale. '.repeat(12)}\nhttps://incas.esempio.it/questionari/00000000-0000-0000-0000-000000000000\n`;

async function startRelay(
  rtt: number,
): Promise<{ url: string; stats: { connections: number; messages: number }; close(): Promise<void> }> {
  const stats = { connections: 0, messages: 0 };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onConnect(_s, cb) {
      stats.connections++;
      void sleep(2 * rtt).then(() => cb());
    },
    onMailFrom(_a, _s, cb) {
      void sleep(rtt).then(() => cb());
    },
    onRcptTo(_a, _s, cb) {
      void sleep(rtt).then(() => cb());
    },
    onData(stream, _s, cb) {
      stream.resume();
      stream.on('end', () => {
        stats.messages++;
        void sleep(rtt).then(() => cb());
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, stats, close: () => new Promise((r) => server.close(() => r())) };
}

async function timeBatch(send: (i: number) => Promise<void>): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < MESSAGES; i++) await send(i);
  return performance.now() - start;
}

async function main(): Promise<void> {
  console.log(`${MESSAGES} messages, sent one after the other, to smtp-server on loopback\n`);
  console.log('| relay RTT | per message: s | ms/msg | connections | pooled: s | ms/msg | connections | ratio |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const rtt of RTTS) {
    const relay = await startRelay(rtt);
    const message = (i: number) => ({ to: `comune${i}@comune.bench`, subject: 'Questionario nazionale', text: body });

    const plain = nodemailer.createTransport({
      url: relay.url,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 10_000,
    });
    const c0 = relay.stats.connections;
    const perMessage = await timeBatch(async (i) => {
      await plain.sendMail({ from: FROM, ...message(i) });
    });
    const perMessageConnections = relay.stats.connections - c0;
    plain.close();

    const pooled = createMailer({ smtpUrl: relay.url, mailFrom: FROM })!;
    const c1 = relay.stats.connections;
    const pooledMs = await timeBatch((i) => pooled.send(message(i)));
    const pooledConnections = relay.stats.connections - c1;
    pooled.close();

    if (relay.stats.messages !== 2 * MESSAGES) throw new Error(`relay got ${relay.stats.messages} of ${2 * MESSAGES}`);
    await relay.close();
    const s = (ms: number) => (ms / 1000).toFixed(2);
    const per = (ms: number) => (ms / MESSAGES).toFixed(1);
    console.log(
      `| ${rtt} ms | ${s(perMessage)} | ${per(perMessage)} | ${perMessageConnections} | ${s(pooledMs)} | ${per(pooledMs)} | ${pooledConnections} | ${(perMessage / pooledMs).toFixed(2)} |`,
    );
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
