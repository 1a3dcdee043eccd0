/**
 * Demo registrations for the demo events (issue 14 item 6): for each published or concluded
 * territorial workshop, 15–40 participants from demo-like organisations across the Comuni of its
 * Region, in arrival order; the first published one gets more than its seats, so it has a
 * waitlist. Names and addresses are obviously fake (example.invalid). The events demo calls this
 * with the events it made, inside its own transaction.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Queryable } from '../../../platform/db/db.js';
import { PRIVACY_VERSION, type EventKind, type EventStatus, type ParticipantOrgType } from '../shared/vocabulary.js';
import { newLinkToken, tokenHash } from '../shared/tokens.js';

export interface DemoEvent {
  id: string;
  kind: EventKind;
  status: EventStatus;
  capacity: number;
  regionCode: string | null;
  startsAt: Date;
}

const FIRST = [
  'Anna',
  'Bruno',
  'Carla',
  'Dario',
  'Elena',
  'Fabio',
  'Giulia',
  'Luca',
  'Marta',
  'Nicola',
  'Paola',
  'Rocco',
];
const LAST = ['Esempio', 'Prova', 'Fittizio', 'Demo', 'Campione', 'Modello'];
const ORGS: { type: ParticipantOrgType; name: (comune: string) => string }[] = [
  { type: 'comune', name: (c) => `Comune di ${c}` },
  { type: 'comune', name: (c) => `Comune di ${c} — Servizi sociali` },
  { type: 'terzo_settore', name: (c) => `Cooperativa sociale Demo di ${c}` },
  { type: 'ente_gestore', name: (c) => `Ente gestore Demo (${c})` },
  { type: 'asl', name: () => 'ASL Demo' },
  { type: 'cpi', name: (c) => `Centro per l’impiego di ${c} (demo)` },
  { type: 'sindacato', name: () => 'Sindacato Demo' },
  { type: 'prefettura', name: () => 'Prefettura Demo' },
];

/** A number from 0 to 1, the same for the same seed (the demo is the same at every load). */
const unit = (seed: string) => createHash('sha256').update(seed).digest().readUInt32BE(0) / 0x1_0000_0000;

/** Inserts the registrations of the demo events; returns how many. */
export async function seedRegistrationsDemo(tx: Queryable, events: readonly DemoEvent[]): Promise<number> {
  let made = 0;
  let full = false;
  for (const e of events) {
    if (e.kind !== 'WORKSHOP_TERRITORIALE' || !(e.status === 'PUBBLICATO' || e.status === 'CONCLUSO')) continue;
    const comuni = await tx.query<{ istat_code: string; name: string; region_code: string }>(
      `SELECT istat_code, name, region_code FROM comuni WHERE region_code = $1 ORDER BY istat_code LIMIT 30`,
      [e.regionCode ?? '12'],
    );
    // the first published workshop is over-subscribed: a waitlist
    const makeFull = e.status === 'PUBBLICATO' && !full;
    if (makeFull) full = true;
    const n = makeFull ? e.capacity + 8 : Math.min(e.capacity, 15 + Math.floor(unit(e.id) * 26));
    for (let i = 0; i < n; i++) {
      const seed = `${e.id}:${i}`;
      const c = comuni[Math.floor(unit(`${seed}:c`) * comuni.length)];
      const org = ORGS[Math.floor(unit(`${seed}:o`) * ORGS.length)]!;
      const first = FIRST[Math.floor(unit(`${seed}:f`) * FIRST.length)]!;
      const last = LAST[Math.floor(unit(`${seed}:l`) * LAST.length)]!;
      const requested = new Date(e.startsAt.getTime() - (40 - i) * 3_600_000 * 12);
      const queued = new Date(requested.getTime() + 20 * 60_000);
      const status = i < e.capacity ? 'CONFERMATA' : 'IN_ATTESA';
      await tx.query(
        `INSERT INTO evt_registrations (id, event_id, full_name, email, organisation_name, organisation_type,
                                        comune_istat, region_code, status, manage_token_hash, requested_at, queued_at,
                                        seat_at, privacy_version, consent_at, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $11, $11, $11)`,
        [
          randomUUID(),
          e.id,
          `${first} ${last} (demo)`,
          `partecipante.${made + 1}@example.invalid`,
          org.name(c?.name ?? 'Demo'),
          org.type,
          org.type === 'comune' || org.type === 'terzo_settore' || org.type === 'ente_gestore' || org.type === 'cpi'
            ? (c?.istat_code ?? null)
            : null,
          c?.region_code ?? e.regionCode,
          status,
          tokenHash(newLinkToken()),
          requested,
          queued,
          status === 'CONFERMATA' ? queued : null,
          PRIVACY_VERSION,
        ],
      );
      made++;
    }
  }
  return made;
}
