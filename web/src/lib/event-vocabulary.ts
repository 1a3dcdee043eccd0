/**
 * The words of the events shared with the server (kinds, states, organisation types, the privacy
 * notice's version, the retention period): one source for both sides.
 */
export * from '../../../server/modules/events/shared/vocabulary';
