/** SQL of the plans' networks: every read goes through row-level security (the actor's reach). */
import type { Queryable } from '../../../platform/db/db.js';

export interface NetworkRow {
  id: string;
  comune_istat: string | null;
  comune_name: string | null;
  region_code: string;
  region_name: string;
  kind: 'TAVOLO' | 'GRUPPO_TEMATICO';
  name: string;
  theme: string | null;
  axis: 'PREVENZIONE' | 'VIGILANZA_CONTRASTO' | 'PROTEZIONE_ASSISTENZA' | 'REINTEGRAZIONE' | null;
  plan_id: string | null;
  active: boolean;
  row_version: number;
  members: number;
  meetings: number;
  last_meeting_on: string | null;
}

const SELECT_NETWORK = `SELECT n.id, n.comune_istat, c.name AS comune_name, n.region_code, r.name AS region_name, n.kind,
       n.name, n.theme, n.axis, n.plan_id, n.active, n.row_version,
       (SELECT count(*)::int FROM plm_network_members m WHERE m.network_id = n.id) AS members,
       (SELECT count(*)::int FROM plm_meetings mt WHERE mt.network_id = n.id) AS meetings,
       (SELECT max(mt.held_on)::text FROM plm_meetings mt WHERE mt.network_id = n.id) AS last_meeting_on
  FROM plm_networks n LEFT JOIN comuni c ON c.istat_code = n.comune_istat JOIN regions r ON r.code = n.region_code`;

export interface NetworkFilter {
  comune?: string | undefined;
  region?: string | undefined;
  kind?: string | undefined;
  axis?: string | undefined;
  active?: boolean | undefined;
  regional?: boolean | undefined;
}

export async function selectNetworks(tx: Queryable, f: NetworkFilter): Promise<NetworkRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (f.comune) add('n.comune_istat = ?', f.comune);
  if (f.region) add('n.region_code = ?', f.region);
  if (f.kind) add('n.kind = ?', f.kind);
  if (f.axis) add('n.axis = ?', f.axis);
  if (f.active !== undefined) add('n.active = ?', f.active);
  if (f.regional === true) where.push('n.comune_istat IS NULL');
  if (f.regional === false) where.push('n.comune_istat IS NOT NULL');
  return tx.query<NetworkRow>(
    `${SELECT_NETWORK} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY r.name, c.name NULLS FIRST, n.kind DESC, n.name, n.id`,
    params,
  );
}

export async function selectNetwork(tx: Queryable, id: string): Promise<NetworkRow | undefined> {
  const [row] = await tx.query<NetworkRow>(`${SELECT_NETWORK} WHERE n.id = $1`, [id]);
  return row;
}

export async function lockNetwork(tx: Queryable, id: string): Promise<void> {
  await tx.query('SELECT id FROM plm_networks WHERE id = $1 FOR UPDATE', [id]);
}

export async function insertNetwork(
  tx: Queryable,
  n: {
    id: string;
    comune: string | null;
    region: string;
    kind: string;
    name: string;
    theme: string | null;
    axis: string | null;
    planId: string | null;
  },
  by: string,
  now: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO plm_networks (id, comune_istat, region_code, kind, name, theme, axis, plan_id, active, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, true, $9, $10, $10)`,
    [n.id, n.comune, n.region, n.kind, n.name, n.theme, n.axis, n.planId, by, now],
  );
}

export async function updateNetwork(
  tx: Queryable,
  id: string,
  v: { kind: string; name: string; theme: string | null; axis: string | null; planId: string | null; active: boolean },
  now: Date,
): Promise<void> {
  await tx.query(
    `UPDATE plm_networks SET kind = $2, name = $3, theme = $4, axis = $5, plan_id = $6, active = $7, updated_at = $8,
            row_version = row_version + 1 WHERE id = $1`,
    [id, v.kind, v.name, v.theme, v.axis, v.planId, v.active, now],
  );
}

export interface MemberRow {
  organisation_id: string;
  name: string;
  type: string;
  role: 'COORDINATORE' | 'SEGRETERIA' | 'MEMBRO' | 'OSSERVATORE';
  joined_on: string | null;
}

export async function selectMembers(tx: Queryable, networkId: string): Promise<MemberRow[]> {
  return tx.query<MemberRow>(
    `SELECT m.organisation_id, o.name, o.type, m.role, m.joined_on::text AS joined_on
       FROM plm_network_members m JOIN organisations o ON o.id = m.organisation_id
      WHERE m.network_id = $1
      ORDER BY array_position(ARRAY['COORDINATORE', 'SEGRETERIA', 'MEMBRO', 'OSSERVATORE'], m.role), o.name`,
    [networkId],
  );
}

export async function selectMember(tx: Queryable, networkId: string, orgId: string): Promise<MemberRow | undefined> {
  const [row] = await tx.query<MemberRow>(
    `SELECT m.organisation_id, o.name, o.type, m.role, m.joined_on::text AS joined_on
       FROM plm_network_members m JOIN organisations o ON o.id = m.organisation_id
      WHERE m.network_id = $1 AND m.organisation_id = $2`,
    [networkId, orgId],
  );
  return row;
}

export async function upsertMember(
  tx: Queryable,
  m: { networkId: string; comune: string | null; region: string; orgId: string; role: string; joinedOn: string | null },
): Promise<void> {
  await tx.query(
    `INSERT INTO plm_network_members (network_id, comune_istat, region_code, organisation_id, role, joined_on)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (network_id, organisation_id) DO UPDATE SET role = EXCLUDED.role, joined_on = EXCLUDED.joined_on`,
    [m.networkId, m.comune, m.region, m.orgId, m.role, m.joinedOn],
  );
}

export async function deleteMember(tx: Queryable, networkId: string, orgId: string): Promise<void> {
  await tx.query('DELETE FROM plm_network_members WHERE network_id = $1 AND organisation_id = $2', [networkId, orgId]);
}

/** The organisations among `ids` that exist in the registry. */
export async function existingOrganisations(tx: Queryable, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.query<{ id: string }>('SELECT id FROM organisations WHERE id = ANY($1::uuid[])', [ids]);
  return new Set(rows.map((r) => r.id));
}

export interface MeetingRow {
  id: string;
  network_id: string | null;
  network_name: string | null;
  comune_istat: string | null;
  comune_name: string | null;
  region_code: string;
  region_name: string;
  kind: 'TAVOLO' | 'GRUPPO_TEMATICO' | 'WORKSHOP_TERRITORIALE' | 'FORMAZIONE';
  title: string;
  held_on: string;
  place: string | null;
  agenda: string | null;
  participants_count: number;
  minutes_document_id: string | null;
  row_version: number;
  organisations: number;
  follow_ups_open: number;
}

const SELECT_MEETING = `SELECT mt.id, mt.network_id, n.name AS network_name, mt.comune_istat, c.name AS comune_name, mt.region_code,
       r.name AS region_name, mt.kind, mt.title, mt.held_on::text AS held_on, mt.place, mt.agenda, mt.participants_count,
       mt.minutes_document_id, mt.row_version,
       (SELECT count(*)::int FROM plm_meeting_organisations mo WHERE mo.meeting_id = mt.id) AS organisations,
       (SELECT count(*)::int FROM plm_follow_ups f WHERE f.meeting_id = mt.id AND f.status = 'APERTO') AS follow_ups_open
  FROM plm_meetings mt LEFT JOIN plm_networks n ON n.id = mt.network_id
  LEFT JOIN comuni c ON c.istat_code = mt.comune_istat JOIN regions r ON r.code = mt.region_code`;

export interface MeetingFilter {
  networkId?: string | undefined;
  comune?: string | undefined;
  region?: string | undefined;
  year?: number | undefined;
  kind?: string | undefined;
}

export async function selectMeetings(tx: Queryable, f: MeetingFilter): Promise<MeetingRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replaceAll('?', `$${params.length}`));
  };
  if (f.networkId) add('mt.network_id = ?', f.networkId);
  if (f.comune) add('mt.comune_istat = ?', f.comune);
  if (f.region) add('mt.region_code = ?', f.region);
  if (f.year) add('mt.held_on >= make_date(?, 1, 1) AND mt.held_on < make_date(? + 1, 1, 1)', f.year);
  if (f.kind) add('mt.kind = ?', f.kind);
  return tx.query<MeetingRow>(
    `${SELECT_MEETING} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY mt.held_on DESC, mt.title, mt.id LIMIT 1000`,
    params,
  );
}

export async function selectMeeting(tx: Queryable, id: string): Promise<MeetingRow | undefined> {
  const [row] = await tx.query<MeetingRow>(`${SELECT_MEETING} WHERE mt.id = $1`, [id]);
  return row;
}

export async function lockMeeting(tx: Queryable, id: string): Promise<void> {
  await tx.query('SELECT id FROM plm_meetings WHERE id = $1 FOR UPDATE', [id]);
}

export interface MeetingValues {
  kind: string;
  title: string;
  heldOn: string;
  place: string | null;
  agenda: string | null;
  participantsCount: number;
}

export async function insertMeeting(
  tx: Queryable,
  m: MeetingValues & { id: string; networkId: string | null; comune: string | null; region: string },
  by: string,
  now: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO plm_meetings (id, network_id, comune_istat, region_code, kind, title, held_on, place, agenda,
                               participants_count, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)`,
    [m.id, m.networkId, m.comune, m.region, m.kind, m.title, m.heldOn, m.place, m.agenda, m.participantsCount, by, now],
  );
}

export async function updateMeeting(tx: Queryable, id: string, m: MeetingValues, now: Date): Promise<void> {
  await tx.query(
    `UPDATE plm_meetings SET kind = $2, title = $3, held_on = $4, place = $5, agenda = $6, participants_count = $7,
            updated_at = $8, row_version = row_version + 1 WHERE id = $1`,
    [id, m.kind, m.title, m.heldOn, m.place, m.agenda, m.participantsCount, now],
  );
}

export async function setMinutes(
  tx: Queryable,
  meetingId: string,
  documentId: string | null,
  now: Date,
): Promise<void> {
  await tx.query(
    'UPDATE plm_meetings SET minutes_document_id = $2, updated_at = $3, row_version = row_version + 1 WHERE id = $1',
    [meetingId, documentId, now],
  );
}

export async function selectMeetingOrganisations(
  tx: Queryable,
  meetingId: string,
): Promise<{ id: string; name: string; type: string }[]> {
  return tx.query(
    `SELECT o.id, o.name, o.type FROM plm_meeting_organisations mo JOIN organisations o ON o.id = mo.organisation_id
      WHERE mo.meeting_id = $1 ORDER BY o.name`,
    [meetingId],
  );
}

export async function replaceMeetingOrganisations(
  tx: Queryable,
  m: { meetingId: string; comune: string | null; region: string },
  orgIds: readonly string[],
): Promise<void> {
  await tx.query('DELETE FROM plm_meeting_organisations WHERE meeting_id = $1', [m.meetingId]);
  if (orgIds.length === 0) return;
  await tx.query(
    `INSERT INTO plm_meeting_organisations (meeting_id, comune_istat, region_code, organisation_id)
     SELECT $1, $2, $3, unnest($4::uuid[])`,
    [m.meetingId, m.comune, m.region, [...new Set(orgIds)]],
  );
}

export interface FollowUpRow {
  id: string;
  meeting_id: string;
  comune_istat: string | null;
  region_code: string;
  kind: 'DECISIONE' | 'AZIONE';
  text: string;
  action_id: string | null;
  action_label: string | null;
  owner_user_id: string | null;
  owner_user_name: string | null;
  owner_org_id: string | null;
  owner_org_name: string | null;
  due_date: string | null;
  status: 'APERTO' | 'FATTO' | 'ANNULLATO';
  done_at: Date | null;
}

const SELECT_FOLLOW_UP = `SELECT f.id, f.meeting_id, f.comune_istat, f.region_code, f.kind, f.text, f.action_id,
       CASE WHEN a.id IS NULL THEN NULL ELSE a.code || ' – ' || a.title END AS action_label,
       f.owner_user_id, u.display_name AS owner_user_name, f.owner_org_id, o.name AS owner_org_name,
       f.due_date::text AS due_date, f.status, f.done_at
  FROM plm_follow_ups f LEFT JOIN plm_actions a ON a.id = f.action_id
  LEFT JOIN users u ON u.id = f.owner_user_id LEFT JOIN organisations o ON o.id = f.owner_org_id`;

export async function selectFollowUps(tx: Queryable, meetingId: string): Promise<FollowUpRow[]> {
  return tx.query<FollowUpRow>(`${SELECT_FOLLOW_UP} WHERE f.meeting_id = $1 ORDER BY f.kind, f.created_at, f.id`, [
    meetingId,
  ]);
}

export async function selectFollowUp(tx: Queryable, id: string, lock = false): Promise<FollowUpRow | undefined> {
  if (lock) await tx.query('SELECT id FROM plm_follow_ups WHERE id = $1 FOR UPDATE', [id]);
  const [row] = await tx.query<FollowUpRow>(`${SELECT_FOLLOW_UP} WHERE f.id = $1`, [id]);
  return row;
}

export interface FollowUpValues {
  kind: string;
  text: string;
  actionId: string | null;
  ownerUserId: string | null;
  ownerOrgId: string | null;
  dueDate: string | null;
}

export async function insertFollowUp(
  tx: Queryable,
  f: FollowUpValues & { id: string; meetingId: string; comune: string | null; region: string },
  now: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO plm_follow_ups (id, meeting_id, comune_istat, region_code, kind, text, action_id, owner_user_id,
                                 owner_org_id, due_date, status, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'APERTO', $11, $11)`,
    [f.id, f.meetingId, f.comune, f.region, f.kind, f.text, f.actionId, f.ownerUserId, f.ownerOrgId, f.dueDate, now],
  );
}

export async function updateFollowUp(
  tx: Queryable,
  id: string,
  f: FollowUpValues & { status: string; doneAt: Date | null },
  now: Date,
): Promise<void> {
  await tx.query(
    `UPDATE plm_follow_ups SET kind = $2, text = $3, action_id = $4, owner_user_id = $5, owner_org_id = $6, due_date = $7,
            status = $8, done_at = $9, updated_at = $10 WHERE id = $1`,
    [id, f.kind, f.text, f.actionId, f.ownerUserId, f.ownerOrgId, f.dueDate, f.status, f.doneAt, now],
  );
}

/** The actions of the plans of a Comune, by code, for the follow-ups' link. */
export async function selectActionChoices(tx: Queryable, comune: string): Promise<{ id: string; label: string }[]> {
  return tx.query(
    `SELECT a.id, a.code || ' – ' || a.title AS label FROM plm_actions a JOIN plm_plans p ON p.id = a.plan_id
      WHERE a.comune_istat = $1 ORDER BY p.period_from DESC, a.position, a.code`,
    [comune],
  );
}

/** Whether an action belongs to a plan of the Comune. */
export async function actionOfComune(tx: Queryable, actionId: string, comune: string): Promise<boolean> {
  const [row] = await tx.query('SELECT 1 FROM plm_actions WHERE id = $1 AND comune_istat = $2', [actionId, comune]);
  return row !== undefined;
}

/** Whether a plan is of the Comune. */
export async function planOfComune(tx: Queryable, planId: string, comune: string): Promise<boolean> {
  const [row] = await tx.query('SELECT 1 FROM plm_plans WHERE id = $1 AND comune_istat = $2', [planId, comune]);
  return row !== undefined;
}

/**
 * The active users who may own a follow-up of a place: those of the Comune's organisations (for a
 * Comune's meeting), those of the Region's own organisations (the Region, its ANCI branch) and those
 * of ANCI/Cittalia national. With `userId`, only that one.
 */
export async function selectOwnerChoices(
  tx: Queryable,
  place: { comune: string | null; region: string },
  userId?: string,
): Promise<{ id: string; label: string }[]> {
  return tx.query(
    `SELECT u.id, u.display_name || ' (' || o.name || ')' AS label
       FROM users u JOIN organisations o ON o.id = u.organisation_id
      WHERE u.status = 'active' AND ($3::uuid IS NULL OR u.id = $3)
        AND ((o.comune_istat IS NOT NULL AND o.comune_istat = $1)
          OR (o.comune_istat IS NULL AND o.region_code = $2 AND o.type IN ('regione', 'anci', 'cittalia'))
          OR (o.comune_istat IS NULL AND o.region_code IS NULL AND o.type IN ('anci', 'cittalia')))
        AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id
                     AND r.role IN ('referente_comunale', 'regione', 'assistenza_tecnica'))
      ORDER BY u.display_name, u.id
      LIMIT 500`,
    [place.comune, place.region, userId ?? null],
  );
}

export interface WorkRow extends FollowUpRow {
  meeting_title: string;
  held_on: string;
  network_name: string | null;
  comune_name: string | null;
  region_name: string;
}

/** The open follow-ups owned by the user, plus (with `comune`) those of the Comune. */
export async function selectWorkList(tx: Queryable, userId: string, comune: string | null): Promise<WorkRow[]> {
  return tx.query<WorkRow>(
    `SELECT w.*, mt.title AS meeting_title, mt.held_on::text AS held_on, n.name AS network_name, c.name AS comune_name,
            r.name AS region_name
       FROM (${SELECT_FOLLOW_UP}) w JOIN plm_meetings mt ON mt.id = w.meeting_id
       LEFT JOIN plm_networks n ON n.id = mt.network_id LEFT JOIN comuni c ON c.istat_code = w.comune_istat
       JOIN regions r ON r.code = w.region_code
      WHERE w.status = 'APERTO' AND (w.owner_user_id = $1 OR ($2::text IS NOT NULL AND w.comune_istat = $2))
      LIMIT 2000`,
    [userId, comune],
  );
}

export interface TotalsRow {
  networks: number;
  active_networks: number;
  tavoli: number;
  gruppi: number;
  member_organisations: number;
  organisations_involved: number;
  meetings: number;
  participants: number;
  open: number;
  done: number;
  overdue: number;
}

/** The totals over the networks and meetings in reach, of a place when given. */
export async function selectTotals(
  tx: Queryable,
  today: string,
  f: { comune?: string | undefined; region?: string | undefined },
): Promise<{ totals: TotalsRow; byKindYear: { year: number; kind: string; count: number }[] }> {
  const params = [f.comune ?? null, f.region ?? null, today];
  const place = (a: string) =>
    `($1::text IS NULL OR ${a}.comune_istat = $1) AND ($2::text IS NULL OR ${a}.region_code = $2)`;
  const [totals] = await tx.query<TotalsRow>(
    `SELECT
       (SELECT count(*)::int FROM plm_networks n WHERE ${place('n')}) AS networks,
       (SELECT count(*)::int FROM plm_networks n WHERE ${place('n')} AND n.active) AS active_networks,
       (SELECT count(*)::int FROM plm_networks n WHERE ${place('n')} AND n.kind = 'TAVOLO') AS tavoli,
       (SELECT count(*)::int FROM plm_networks n WHERE ${place('n')} AND n.kind = 'GRUPPO_TEMATICO') AS gruppi,
       (SELECT count(DISTINCT m.organisation_id)::int FROM plm_network_members m WHERE ${place('m')}) AS member_organisations,
       (SELECT count(*)::int FROM (SELECT m.organisation_id FROM plm_network_members m WHERE ${place('m')}
                                    UNION SELECT mo.organisation_id FROM plm_meeting_organisations mo WHERE ${place('mo')}) x)
         AS organisations_involved,
       (SELECT count(*)::int FROM plm_meetings mt WHERE ${place('mt')}) AS meetings,
       (SELECT coalesce(sum(mt.participants_count), 0)::int FROM plm_meetings mt WHERE ${place('mt')}) AS participants,
       (SELECT count(*)::int FROM plm_follow_ups f WHERE ${place('f')} AND f.status = 'APERTO') AS open,
       (SELECT count(*)::int FROM plm_follow_ups f WHERE ${place('f')} AND f.status = 'FATTO') AS done,
       (SELECT count(*)::int FROM plm_follow_ups f WHERE ${place('f')} AND f.status = 'APERTO' AND f.due_date < $3::date)
         AS overdue`,
    params,
  );
  const byKindYear = await tx.query<{ year: number; kind: string; count: number }>(
    `SELECT extract(year FROM mt.held_on)::int AS year, mt.kind, count(*)::int AS count
       FROM plm_meetings mt WHERE ${place('mt')} AND $3::date IS NOT NULL
      GROUP BY 1, 2 ORDER BY 1, 2`,
    params,
  );
  return { totals: totals!, byKindYear };
}

/** A Comune's Region (null when the code is not a Comune). */
export async function regionOfComune(tx: Queryable, comune: string): Promise<string | null> {
  const [row] = await tx.query<{ region_code: string }>('SELECT region_code FROM comuni WHERE istat_code = $1', [
    comune,
  ]);
  return row?.region_code ?? null;
}

export async function regionExists(tx: Queryable, region: string): Promise<boolean> {
  const [row] = await tx.query('SELECT 1 FROM regions WHERE code = $1', [region]);
  return row !== undefined;
}
