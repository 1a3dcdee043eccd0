/**
 * Problems of the pilot API in the user's words. The server names a field by its full path
 * ('body.holder.identity.codiceFiscale'); the schema forms place those issues on their fields.
 * Conflicts (409) carry a stable code this feature translates, followed by the server's specific detail.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../api/problem';
import { errorCodeValues } from '../../api/schema';
import { useProblemMessages } from '../../lib/problemMessages';
import { useSchemaForm, type SchemaFormOptions } from '../../lib/schemaForm';
import type { FieldValues } from 'react-hook-form';

type ErrorCode = (typeof errorCodeValues)[number];
/** The pilot's own codes with a sentence of their own (`pilot.stale` → `stale`); `pilot.case.not_found` and the like read as any 404. */
type PilotCode = ErrorCode extends infer C
  ? C extends `pilot.${infer R}`
    ? R extends `${string}.${string}`
      ? never
      : R
    : never
  : never;

function pilotCodeOf(error: unknown): PilotCode | undefined {
  if (!(error instanceof ApiProblem) || !(errorCodeValues as readonly string[]).includes(error.code)) return undefined;
  const [module, ...rest] = error.code.split('.');
  return module === 'pilot' && rest.length === 1 ? (rest[0] as PilotCode) : undefined;
}

/** One sentence for a failed request: the pilot's own wording first, then what the server said. */
export function usePilotMessage() {
  const { t } = useTranslation();
  const { messageOf } = useProblemMessages();
  return useCallback(
    (error: unknown): string => {
      const code = pilotCodeOf(error);
      if (code === undefined) return messageOf(error);
      const detail = error instanceof ApiProblem ? error.detail : undefined;
      const own = t(`cases.errors.${code}`);
      return detail !== undefined && detail !== '' && !detail.startsWith('pilot.') ? `${own} ${detail}` : own;
    },
    [t, messageOf],
  );
}

/** A schema form of the pilot: a failed request's general message in the pilot's own words. */
export function usePilotSchemaForm<In extends FieldValues, Out>(
  options: Omit<SchemaFormOptions<In, Out>, 'messageOf'>,
) {
  return useSchemaForm({ ...options, messageOf: usePilotMessage() });
}
