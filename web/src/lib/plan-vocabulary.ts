/**
 * The words of the local plans shared with the server (axes, priority actions and their default
 * axis, the plan's states and steps, the kinds of network and meeting): one source for both sides.
 */
export * from '../../../server/modules/plans/shared/vocabulary';
