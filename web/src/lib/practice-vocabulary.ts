/**
 * The words of the good practices shared with the server (states, sectors, evidence levels, size
 * classes, actors' roles, kinds of link) and the safe text (paragraphs and lists of a long text, the
 * search's highlighted fragments): one source for both sides. The axes and priority actions are
 * the plans' (./plan-vocabulary).
 */
export * from '../../../server/modules/knowledge/practices/practices.vocabulary';
export * from '../../../server/modules/knowledge/practices/practices.text';
