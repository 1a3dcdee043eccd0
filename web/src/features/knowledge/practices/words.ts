/** The good practices' problem messages: the module's own codes in its words, the rest as the shell says them. */
import { useProblemsOf } from '../../../lib/problemMessages';

export const usePracticeProblem = () => useProblemsOf('knowledge.practices.errors', { fields: 'path' });
