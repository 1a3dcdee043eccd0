import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentDisposition } from '../../../platform/documents/index.js';
import {
  attendanceListSchema,
  certificatesIssuedSchema,
  checkInBodySchema,
  checkInResultSchema,
  eventParams,
  eventRegistrationParams,
  figuresQuery,
  figuresSchema,
  registrationParams,
  tokenBodySchema,
  verificationSchema,
  verifyBodySchema,
} from './attendance.schema.js';
import {
  certificateByToken,
  checkIn,
  issueCertificates,
  listAttendance,
  myCertificate,
  myQr,
  organiserCertificate,
  participationFigures,
  qrByToken,
  verifyCertificate,
  type PdfFile,
} from './attendance.service.js';

const pdf = {
  description: 'The certificate (tagged PDF)',
  content: { 'application/pdf': { schema: z.file().mime('application/pdf') } },
};
const svg = {
  description: 'The QR code (SVG)',
  content: { 'image/svg+xml': { schema: z.file().mime('image/svg+xml') } },
};

function sendPdf(reply: FastifyReply, file: PdfFile) {
  return (
    reply
      .type('application/pdf')
      .header('content-disposition', attachmentDisposition(file.filename))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'no-store')
      // Fastify sends a Buffer as it is; the schema only documents the binary body
      .send(file.bytes)
  );
}

function sendSvg(reply: FastifyReply, svgText: string) {
  return reply
    .type('image/svg+xml')
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
    .header('cache-control', 'no-store')
    .send(svgText);
}

/** The routes of the events' attendance (mounted by ../index.ts under /api/v1): check-in, attendance, certificates, verification, figures. */
export async function attendanceRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['events'];
  const config = { auth: 'session' } as const;
  const publicConfig = { auth: 'public' } as const;

  app.post('/events/:eventId/check-ins', {
    config,
    schema: {
      tags,
      operationId: 'checkInEventParticipant',
      summary: 'Record a participant’s presence: by the QR’s code, or by hand; idempotent; audited',
      description:
        '`events.manage`. With `code` (from the QR) or `manual: true`. A second check-in answers 200 with `already: true` and the first time. 404 `events.attendance.not_found` for a wrong code or another event’s registration; 409 `events.state` (context.status) for a registration without a seat or a cancelled event. `manual` with `attended: false` takes the presence back, not once certified.',
      params: eventParams,
      body: checkInBodySchema,
      response: { 200: checkInResultSchema },
    },
    handler: (req) => checkIn(req.ctx, req.params.eventId, req.body),
  });

  app.post('/event-check-ins', {
    config,
    schema: {
      tags,
      operationId: 'checkInByQr',
      summary: 'Record a presence from the QR alone (the registration names its event); idempotent; audited',
      description:
        '`events.manage`. As `POST /events/{eventId}/check-ins`, for the phone’s page that opens the QR’s link and knows no event: 404 `events.attendance.not_found` for an unknown registration or a wrong code.',
      body: checkInBodySchema,
      response: { 200: checkInResultSchema },
    },
    handler: (req) => checkIn(req.ctx, null, req.body),
  });

  app.get('/events/:eventId/attendance', {
    config,
    schema: {
      tags,
      operationId: 'listEventAttendance',
      summary: 'The participants with a seat or in the queue, their presence and certificate; an audited read',
      description: '`events.manage`. Names and organisations: every read is audited.',
      params: eventParams,
      response: { 200: attendanceListSchema },
    },
    handler: (req) => listAttendance(req.ctx, req.params.eventId),
  });

  app.post('/events/:eventId/certificates', {
    config,
    schema: {
      tags,
      operationId: 'issueEventCertificates',
      summary: 'Issue the certificates of attendance of an ended event; idempotent; audited',
      description:
        '`events.manage`. Gives a code to every participant present and still without one. 409 `events.attendance.not_ended` before the event ends.',
      params: eventParams,
      response: { 200: certificatesIssuedSchema },
    },
    handler: (req) => issueCertificates(req.ctx, req.params.eventId),
  });

  app.get('/events/:eventId/registrations/:registrationId/certificate.pdf', {
    config,
    schema: {
      tags,
      operationId: 'downloadEventCertificateAsOrganiser',
      summary: 'An organiser downloads a participant’s certificate (PDF); audited',
      description: '`events.manage`. 404 `events.attendance.no_certificate` when none was issued.',
      params: eventRegistrationParams,
      response: { 200: pdf },
    },
    handler: async (req, reply) =>
      sendPdf(reply, await organiserCertificate(req.ctx, req.params.eventId, req.params.registrationId)),
  });

  app.get('/event-registrations/:registrationId/qr.svg', {
    config,
    schema: {
      tags,
      operationId: 'getMyEventRegistrationQr',
      summary: 'The QR code of the user’s own confirmed registration, to show at the entrance',
      description:
        '`events.register`, the user’s own registration (404 for anyone else’s); 409 `events.state` without a seat. The QR holds the link `/eventi-gestione/accoglienza#c=<id>.<code>`.',
      params: registrationParams,
      response: { 200: svg },
    },
    handler: async (req, reply) => sendSvg(reply, await myQr(req.ctx, req.params.registrationId)),
  });

  app.get('/event-registrations/:registrationId/certificate.pdf', {
    config,
    schema: {
      tags,
      operationId: 'downloadMyEventCertificate',
      summary: 'The user’s own certificate of attendance (PDF); audited',
      description:
        '`events.register`, the user’s own registration. 404 `events.attendance.no_certificate` when none was issued.',
      params: registrationParams,
      response: { 200: pdf },
    },
    handler: async (req, reply) => sendPdf(reply, await myCertificate(req.ctx, req.params.registrationId)),
  });

  app.post('/public/registrations/qr', {
    config: publicConfig,
    schema: {
      tags,
      operationId: 'getEventRegistrationQrByToken',
      summary: 'An external participant’s QR code, by the token of their own link (no login)',
      description: '404 `events.link.invalid` for an unknown token; 409 `events.state` without a seat.',
      body: tokenBodySchema,
      response: { 200: svg },
    },
    handler: async (req, reply) => sendSvg(reply, await qrByToken(req.ctx, req.body.token)),
  });

  app.post('/public/registrations/certificate', {
    config: publicConfig,
    schema: {
      tags,
      operationId: 'downloadEventCertificateByToken',
      summary: 'An external participant’s certificate (PDF), by the token of their own link (no login); audited',
      description:
        '404 `events.link.invalid` for an unknown token, `events.attendance.no_certificate` when none was issued.',
      body: tokenBodySchema,
      response: { 200: pdf },
    },
    handler: async (req, reply) => sendPdf(reply, await certificateByToken(req.ctx, req.body.token)),
  });

  app.post('/public/certificates/verify', {
    config: publicConfig,
    schema: {
      tags,
      operationId: 'verifyEventCertificate',
      summary: 'Verify a certificate of attendance by its code (no login)',
      description:
        'Case, spaces and dashes do not matter. 404 `events.link.invalid` for any code that matches no certificate. After the retention period the holder is null.',
      body: verifyBodySchema,
      response: { 200: verificationSchema },
    },
    handler: (req) => verifyCertificate(req.ctx, req.body.code),
  });

  app.get('/event-figures', {
    config,
    schema: {
      tags,
      operationId: 'getEventParticipationFigures',
      summary: 'Participation figures by Region, organisation type and Comune (counts, no names)',
      description:
        '`events.figures.read`: the organisers and MLPS every Region (filter `region`), a Regione only its own participants. Filters `from`, `to` (the events’ start day), `kind`.',
      querystring: figuresQuery,
      response: { 200: figuresSchema },
    },
    handler: (req) => participationFigures(req.ctx, req.query),
  });
}
