/** Pure rules of the events' events: the public address from the title, the state machine, the registration window. */
import type { EventStatus } from '../shared/vocabulary.js';

/**
 * The public address from the title: lower case, Italian letters without their accents (à → a,
 * è/é → e…), every other run of signs a hyphen, at most 70 characters cut at a word; "evento" when
 * nothing is left.
 */
export function slugOf(title: string): string {
  const plain = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/æ/gi, 'ae')
    .replace(/œ/gi, 'oe')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  let slug = plain;
  if (slug.length > 70) {
    slug = slug.slice(0, 70);
    const cut = slug.lastIndexOf('-');
    if (cut >= 20) slug = slug.slice(0, cut);
    slug = slug.replace(/-+$/, '');
  }
  return slug.length >= 3 ? slug : slug ? `evento-${slug}` : 'evento';
}

/** A free address: the base, else base-2, base-3… (`taken`: the addresses in use that start with it). */
export function freeSlug(base: string, taken: readonly string[]): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** The organisers' steps: BOZZA → PUBBLICATO (publish); PUBBLICATO → ANNULLATO (cancel). CONCLUSO follows the end. */
export const canPublish = (s: EventStatus) => s === 'BOZZA';
export const canCancel = (s: EventStatus) => s === 'PUBBLICATO';
/** An event is changed while a draft or published (not once cancelled or over). */
export const canEdit = (s: EventStatus) => s === 'BOZZA' || s === 'PUBBLICATO';

export interface RegistrationWindow {
  open: boolean;
  closesAt: string;
  closedReason: 'ANNULLATO' | 'CONCLUSO' | 'TERMINE_SCADUTO' | null;
  waitlist: boolean;
}

/** Whether registrations are open now, and why not: cancelled, over, or past the deadline (else the start). */
export function registrationWindow(
  e: { status: EventStatus; starts_at: Date; ends_at: Date; registration_closes_at: Date | null },
  seatsLeft: number,
  now: Date,
): RegistrationWindow {
  const closes = e.registration_closes_at ?? e.starts_at;
  let closedReason: RegistrationWindow['closedReason'] = null;
  if (e.status === 'ANNULLATO') closedReason = 'ANNULLATO';
  else if (e.status === 'CONCLUSO' || e.ends_at <= now) closedReason = 'CONCLUSO';
  else if (e.status !== 'PUBBLICATO' || closes <= now) closedReason = 'TERMINE_SCADUTO';
  const open = closedReason === null;
  return { open, closesAt: closes.toISOString(), closedReason, waitlist: open && seatsLeft <= 0 };
}
