/**
 * The steps the caller may take on a claim now (the server lists them in `actions`): send a draft,
 * move a sent claim with its note (MLPS with the amounts), start a new version, issue the verbale.
 */
import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { TextAreaField, TextField } from '../../../components/FormField';
import { parseEuroCents } from '../../../lib/project-rules';
import {
  useIssueVerbale,
  useNewClaimVersion,
  useSubmitClaim,
  useTransitionClaim,
  type ClaimDetail,
} from './api/claims';
import { MutationError } from './common';

const TARGETS = ['IN_VERIFICA', 'RICHIESTA_INTEGRAZIONI', 'CONTRODEDUZIONI', 'APPROVATA', 'LIQUIDATA'] as const;
type Target = (typeof TARGETS)[number];
const NOTE_REQUIRED = new Set<Target>(['RICHIESTA_INTEGRAZIONI', 'CONTRODEDUZIONI']);

function TransitionForm({ claim, to }: { claim: ClaimDetail; to: Target }) {
  const { t } = useTranslation();
  const id = useId();
  const [note, setNote] = useState('');
  const [amount, setAmount] = useState('');
  const [paidOn, setPaidOn] = useState('');
  const [amountError, setAmountError] = useState<string | undefined>();
  const move = useTransitionClaim(claim.projectId, claim.id);
  const needsNote = NOTE_REQUIRED.has(to);
  const submit = () => {
    let cents: number | undefined;
    if (amount.trim() !== '' || to === 'LIQUIDATA') {
      const parsed = parseEuroCents(amount);
      if (parsed === null) {
        setAmountError(t('projects.claims.detail.amountInvalid'));
        return;
      }
      cents = parsed;
    }
    setAmountError(undefined);
    move.mutate({
      to,
      rowVersion: claim.rowVersion,
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(to === 'APPROVATA' && cents !== undefined ? { approvedCents: cents } : {}),
      ...(to === 'LIQUIDATA' && cents !== undefined ? { paidCents: cents, paidOn } : {}),
    });
  };
  return (
    <form
      className="border rounded p-3 mb-3"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <TextAreaField
        id={`${id}-note`}
        label={needsNote ? t('projects.claims.detail.noteRequired') : t('projects.claims.detail.note')}
        required={needsNote}
        maxLength={8000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      {(to === 'APPROVATA' || to === 'LIQUIDATA') && (
        <TextField
          id={`${id}-amount`}
          label={t(to === 'APPROVATA' ? 'projects.claims.detail.approvedCents' : 'projects.claims.detail.paidCents')}
          hint={t('projects.claims.detail.amountHint')}
          error={amountError}
          inputMode="decimal"
          autoComplete="off"
          required={to === 'LIQUIDATA'}
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
        />
      )}
      {to === 'LIQUIDATA' && (
        <TextField
          id={`${id}-paid-on`}
          label={t('projects.claims.detail.paidOnLabel')}
          type="date"
          required
          value={paidOn}
          onChange={(e) => setPaidOn(e.target.value)}
        />
      )}
      <MutationError error={move.error} />
      <button type="submit" className="btn btn-primary" disabled={move.isPending}>
        {t(`projects.claims.detail.to.${to}`)}
      </button>
    </form>
  );
}

function VerbaleForm({ claim }: { claim: ClaimDetail }) {
  const { t } = useTranslation();
  const id = useId();
  const [note, setNote] = useState('');
  const issue = useIssueVerbale(claim.projectId, claim.id);
  return (
    <form
      className="border rounded p-3 mb-3"
      onSubmit={(e) => {
        e.preventDefault();
        issue.mutate(note.trim() ? { note: note.trim() } : {});
      }}
    >
      <h3 className="h5">{t('projects.claims.detail.verbale')}</h3>
      <p>{t('projects.claims.detail.verbaleLead')}</p>
      <TextAreaField
        id={`${id}-note`}
        label={t('projects.claims.detail.verbaleNote')}
        maxLength={8000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <MutationError error={issue.error} />
      <button type="submit" className="btn btn-primary" disabled={issue.isPending}>
        {t('projects.claims.detail.issueVerbale')}
      </button>
    </form>
  );
}

export function ClaimActions({ claim }: { claim: ClaimDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const submit = useSubmitClaim(claim.projectId, claim.id);
  const newVersion = useNewClaimVersion(claim.projectId, claim.id);
  const targets = TARGETS.filter((s) => claim.actions.includes(s));
  const any = targets.length > 0 || ['SUBMIT', 'NEW_VERSION', 'VERBALE'].some((a) => claim.actions.includes(a));
  return (
    <section aria-labelledby="claim-actions" className="mb-4">
      <h2 id="claim-actions" className="h4">
        {t('projects.claims.detail.actions')}
      </h2>
      {!any && <p>{t('projects.claims.detail.noActions')}</p>}
      {claim.actions.includes('SUBMIT') && (
        <div className="mb-3">
          <MutationError error={submit.error} />
          <button
            type="button"
            className="btn btn-primary"
            disabled={submit.isPending || claim.expenses.length === 0}
            onClick={() => {
              if (window.confirm(t('projects.claims.detail.submitConfirm')))
                submit.mutate({ rowVersion: claim.rowVersion });
            }}
          >
            {t('projects.claims.detail.submit')}
          </button>
        </div>
      )}
      {targets.map((to) => (
        <TransitionForm key={to} claim={claim} to={to} />
      ))}
      {claim.actions.includes('NEW_VERSION') && (
        <div className="mb-3">
          <MutationError error={newVersion.error} />
          <button
            type="button"
            className="btn btn-outline-primary"
            disabled={newVersion.isPending}
            onClick={() =>
              newVersion.mutate(undefined, {
                onSuccess: (created) => void navigate(`/progetti/${claim.projectId}/domande/${created.id}`),
              })
            }
          >
            {t('projects.claims.detail.newVersion')}
          </button>
        </div>
      )}
      {claim.actions.includes('VERBALE') && <VerbaleForm claim={claim} />}
    </section>
  );
}
