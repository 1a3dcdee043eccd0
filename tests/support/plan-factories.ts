/**
 * Factories of the plans module's tests, written straight into the tables as the database owner so
 * that each part's tests do not depend on the other parts' routes: a Comune with its referente, a
 * plan of it in the state asked with actions, its Region's account and a regional ANCI branch.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../../server/platform/db/db.js';
import {
  axisOfPriorityAction,
  type Axis,
  type PlanStatus,
  type PriorityAction,
} from '../../server/modules/plans/shared/vocabulary.js';
import { makeOrg, makeUser, type TestOrg, type TestUser } from './factories.js';

export interface TestPlanComune {
  istat: string;
  region: string;
  org: TestOrg;
  referente: TestUser;
}

/** A new Comune (one with no organisation yet) with its referente comunale. */
export async function makePlanComune(db: Database, o: { regionCode?: string } = {}): Promise<TestPlanComune> {
  let comuneIstat: string | undefined;
  if (o.regionCode) {
    const [c] = await db.ownerTx((tx) =>
      tx.query<{ istat_code: string }>(
        `SELECT istat_code FROM comuni c WHERE region_code = $1
            AND NOT EXISTS (SELECT 1 FROM organisations o WHERE o.comune_istat = c.istat_code)
          ORDER BY random() LIMIT 1`,
        [o.regionCode],
      ),
    );
    comuneIstat = c!.istat_code;
  }
  const org = await makeOrg(db, { type: 'comune', ...(comuneIstat ? { comuneIstat } : {}) });
  const [c] = await db.ownerTx((tx) =>
    tx.query<{ region_code: string }>('SELECT region_code FROM comuni WHERE istat_code = $1', [org.comuneIstat]),
  );
  const referente = await makeUser(db, { roles: ['referente_comunale'], org });
  return { istat: org.comuneIstat!, region: c!.region_code, org, referente };
}

/** A Region's account (role regione) for the Region given; the organisation is made once per Region. */
export async function makeRegionUser(db: Database, regionCode: string): Promise<TestUser> {
  const [existing] = await db.ownerTx((tx) =>
    tx.query<{ id: string }>(
      `SELECT id FROM organisations WHERE type = 'regione' AND region_code = $1 AND comune_istat IS NULL ORDER BY created_at LIMIT 1`,
      [regionCode],
    ),
  );
  const org: TestOrg = existing
    ? { id: existing.id, type: 'regione', comuneIstat: null, regionCode }
    : await makeOrg(db, { type: 'regione', regionCode });
  return makeUser(db, { roles: ['regione'], org });
}

/** A regional ANCI branch's support (assistenza tecnica with the Region's scope). */
export async function makeRegionalAnciUser(db: Database, regionCode: string): Promise<TestUser> {
  const org = await makeOrg(db, { type: 'anci', regionCode, name: `ANCI regionale di prova ${regionCode}` });
  return makeUser(db, { roles: ['assistenza_tecnica'], org });
}

export interface TestPlanAction {
  id: string;
  code: string;
  axis: Axis;
  priorityAction: PriorityAction;
}

export interface TestPlan {
  id: string;
  comune: TestPlanComune;
  status: PlanStatus;
  actions: TestPlanAction[];
}

/**
 * A plan of a Comune (a new one unless given) in the state asked (default BOZZA), with one action
 * per priority action listed (default 1, 8, 9: three axes). An adopted state gets its adoption act
 * (Giunta, no resolution file) and version 1.
 */
export async function makePlan(
  db: Database,
  o: { comune?: TestPlanComune; status?: PlanStatus; priorityActions?: PriorityAction[]; title?: string } = {},
): Promise<TestPlan> {
  const comune = o.comune ?? (await makePlanComune(db));
  const status = o.status ?? 'BOZZA';
  const adopted = ['ADOTTATO', 'IN_ATTUAZIONE', 'MONITORATO', 'AGGIORNATO'].includes(status);
  const id = randomUUID();
  const actions: TestPlanAction[] = (o.priorityActions ?? [1, 8, 9]).map((p, i) => ({
    id: randomUUID(),
    code: `A${i + 1}`,
    axis: axisOfPriorityAction[p],
    priorityAction: p,
  }));
  await db.ownerTx(async (tx) => {
    await tx.query(
      `INSERT INTO plm_plans (id, comune_istat, region_code, title, period_from, period_to, status, adoption_organ,
                              adoption_number, adoption_date, version_no, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, 2025, 2027, $5, $6, $7, $8, $9, $10, now(), now())`,
      [
        id,
        comune.istat,
        comune.region,
        o.title ?? 'Piano locale multisettoriale di prova',
        status,
        adopted ? 'GIUNTA' : null,
        adopted ? '12' : null,
        adopted ? '2025-03-14' : null,
        adopted ? 1 : 0,
        comune.referente.id,
      ],
    );
    await tx.query(
      `INSERT INTO plm_plan_events (id, plan_id, comune_istat, region_code, from_status, to_status, actor_id, at)
       VALUES ($1, $2, $3, $4, NULL, $5, $6, now())`,
      [randomUUID(), id, comune.istat, comune.region, status, comune.referente.id],
    );
    for (const [i, a] of actions.entries()) {
      await tx.query(
        `INSERT INTO plm_actions (id, plan_id, comune_istat, region_code, code, title, axis, priority_action, status,
                                  position, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'PROGRAMMATA', $9, now(), now())`,
        [a.id, id, comune.istat, comune.region, a.code, `Azione di prova ${a.code}`, a.axis, a.priorityAction, i],
      );
    }
    if (adopted) {
      await tx.query(
        `INSERT INTO plm_plan_versions (id, plan_id, comune_istat, region_code, version_no, reason, snapshot, created_by, created_at)
         VALUES ($1, $2, $3, $4, 1, 'ADOZIONE', $5, $6, now())`,
        [randomUUID(), id, comune.istat, comune.region, JSON.stringify({ actions }), comune.referente.id],
      );
    }
  });
  return { id, comune, status, actions };
}
