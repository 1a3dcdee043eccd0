/**
 * The rules of the projects' calls, the caps and money in integer cents, shared with the server:
 * the budget and expense pages check live with the code the server runs for the authoritative check.
 */
export * from '../../../server/modules/projects/shared/public';
