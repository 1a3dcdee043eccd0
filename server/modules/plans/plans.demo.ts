/**
 * The plans' demo data, part by part (issue 13 item 5): the context (shared/demo-context.ts) finds or
 * makes the ten Comuni, the three Regions and their accounts; then each part writes its own records
 * with its own statements: the plans with their actions, indicators, versions and monitorings
 * (plans/plans.demo.ts), the networks and meetings (networks/networks.demo.ts), the Region–Comune
 * threads (dialogue/dialogue.demo.ts). Once: nothing when a plan exists already.
 */
import type { FieldCipher } from '../../platform/crypto.js';
import type { Database } from '../../platform/db/db.js';
import type { DemoAccount } from '../../platform/module.js';
import { romeDate } from '../../platform/calendar.js';
import { bulkLoadMode } from '../../platform/db/insert-many.js';
import { hashPassword } from '../access/index.js';
import { planDemoContext } from './shared/demo-context.js';
import { seedDialogueDemo } from './dialogue/dialogue.demo.js';
import { seedNetworksDemo } from './networks/networks.demo.js';
import { seedPlansPartDemo } from './plans/plans.demo.js';

export interface PlansDemoResult {
  created: boolean;
  accounts: DemoAccount[];
  counts: Record<string, number>;
}

export async function seedPlansDemoAll(
  db: Database,
  password: string,
  now: Date,
  cipher: FieldCipher | null = null,
): Promise<PlansDemoResult> {
  const done = await db.ownerTx((tx) => tx.query('SELECT 1 FROM plm_plans LIMIT 1'));
  if (done.length > 0) return { created: false, accounts: [], counts: {} };
  const passwordHash = await hashPassword(password);
  const today = romeDate(now);
  return db.ownerTx(async (tx): Promise<PlansDemoResult> => {
    const accounts: DemoAccount[] = [];
    const context = await planDemoContext(tx, { now, today, passwordHash, accounts, cipher });
    if (!context) return { created: false, accounts: [], counts: {} };
    await bulkLoadMode(tx);
    const plans = await seedPlansPartDemo(tx, context);
    const networks = await seedNetworksDemo(tx, context, plans);
    const dialogue = await seedDialogueDemo(tx, context, plans);
    return { created: true, accounts, counts: { ...plans.counts, ...networks.counts, ...dialogue.counts } };
  });
}

/** The module's seedDemo: everything, once; the accounts it made, to print at start. */
export async function seedPlansDemo(deps: {
  db: Database;
  password: string;
  today?: Date;
  cipher?: FieldCipher;
}): Promise<DemoAccount[]> {
  return (await seedPlansDemoAll(deps.db, deps.password, deps.today ?? new Date(), deps.cipher ?? null)).accounts;
}
