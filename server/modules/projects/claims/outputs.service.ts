/**
 * The verbale di verifica amministrativo-contabile and its two allegati (issue 12 item 5; decision
 * 0051), built once as a model from the verified amounts (in cents, recomputed here, never read
 * from a stored total) and rendered as tagged PDF or XLSX. Readable by the lead Comune's staff,
 * the assigned revisore, ANCI/Cittalia and MLPS once the verbale is issued; every download is
 * audited.
 */
import { accessOf, type Ctx } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { can } from '../../../platform/policy.js';
import { recordAudit } from '../../audit/index.js';
import { selectBudgetInForce, selectClaimExpenses, selectEvents, selectNames } from './claims.repo.js';
import {
  checklist,
  checklistWords,
  verificationResults,
  type ChecklistCode,
  type Outcome,
  type VerificationResults,
} from './claims.rules.js';
import { loadClaim, rulesOf } from './claims.service.js';
import { allegato1Pdf, allegato2Pdf, verbalePdf } from './outputs.html.js';
import { allegato1Xlsx, allegato2Xlsx } from './outputs.xlsx.js';

export interface VerifiedRow {
  docType: string;
  docNumber: string;
  issuerName: string;
  issuerTaxId: string | null;
  docDate: string;
  categoryCode: string;
  categoryLabel: string;
  lineDescription: string;
  chargedCents: number;
  eligibleCents: number;
  outcome: Outcome;
  reasons: string[];
  note: string | null;
}

export interface VerbaleModel {
  project: { title: string; cup: string | null; comune: string | null };
  claim: {
    claimNo: number;
    versionNo: number;
    periodStart: string;
    periodEnd: string;
    submittedAt: string | null;
    requestedCents: number;
  };
  verbale: {
    number: string;
    issuedAt: string;
    revisore: string | null;
    organisation: string | null;
    text: string | null;
  };
  expenses: VerifiedRow[];
  results: VerificationResults;
}

export const OUTPUT_KINDS = [
  'verbale.pdf',
  'allegato-1.pdf',
  'allegato-2.pdf',
  'allegato-1.xlsx',
  'allegato-2.xlsx',
] as const;
export type OutputKind = (typeof OUTPUT_KINDS)[number];

const isReason = (r: string): r is ChecklistCode => (checklist as readonly string[]).includes(r);

/** The model of the verbale and allegati, with the download audited. */
async function verbaleModel(ctx: Ctx, projectId: string, claimId: string, kind: OutputKind): Promise<VerbaleModel> {
  const actor = ctx.actor;
  const reader =
    can(actor, 'projects.claims.write') ||
    can(actor, 'projects.claims.verify') ||
    can(actor, 'projects.claims.decide') ||
    !!actor?.roles.includes('assistenza_tecnica');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const { loaded, claim } = await loadClaim(tx, ctx, projectId, claimId);
    if (!reader)
      throw new AppError('forbidden', 'The verbale is read by the Comune, the revisore, ANCI/Cittalia and MLPS.');
    if (!claim.verbale_issued_at || !claim.verbale_no)
      throw new AppError('projects.claims.verbale', 'The verbale has not been issued yet.');
    const rules = await rulesOf(tx, loaded.project.call_version_id);
    const rows = await selectClaimExpenses(tx, projectId, claimId);
    const budget = await selectBudgetInForce(tx, projectId);
    const names = await selectNames(tx, claim.comune_istat, claim.verbale_by);
    const label = (code: string) => rules.categories.find((c) => c.code === code)?.labelIt ?? code;
    const expenses: VerifiedRow[] = rows.map((r) => {
      const s = r.snapshot!;
      return {
        docType: s.docType,
        docNumber: s.docNumber,
        issuerName: s.issuerName,
        issuerTaxId: s.issuerTaxId,
        docDate: s.docDate,
        categoryCode: s.categoryCode,
        categoryLabel: label(s.categoryCode),
        lineDescription: s.lineDescription,
        chargedCents: r.charged_cents,
        eligibleCents: r.eligible_cents ?? 0,
        outcome: r.outcome!,
        reasons: (r.reasons ?? []).filter(isReason).map((x) => checklistWords[x]),
        note: r.note,
      };
    });
    const results = verificationResults(
      rules,
      budget.map((b) => ({ categoryCode: b.category_code, amountCents: b.amount_cents })),
      expenses,
    );
    const verbaleEvent = (await selectEvents(tx, claimId)).find((e) =>
      e.note?.startsWith(`Verbale n. ${claim.verbale_no}:`),
    );
    await recordAudit(tx, ctx, {
      action: 'projects.claim.download',
      entityType: 'project_claim',
      entityId: claimId,
      tenantComune: claim.comune_istat,
      details: { projectId, document: kind },
    });
    return {
      project: { title: loaded.project.title, cup: loaded.project.cup, comune: names.comune },
      claim: {
        claimNo: claim.claim_no,
        versionNo: claim.version_no,
        periodStart: claim.period_start,
        periodEnd: claim.period_end,
        submittedAt: claim.submitted_at ? new Date(claim.submitted_at).toISOString() : null,
        requestedCents: results.requestedCents,
      },
      verbale: {
        number: claim.verbale_no,
        issuedAt: new Date(claim.verbale_issued_at).toISOString(),
        revisore: names.revisore,
        organisation: names.organisation,
        text: verbaleEvent?.note ?? null,
      },
      expenses,
      results,
    };
  });
}

const PDF = 'application/pdf';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One of the documents as a file: name, media type and bytes. */
export async function verbaleFile(
  ctx: Ctx,
  projectId: string,
  claimId: string,
  kind: OutputKind,
): Promise<{ filename: string; mediaType: string; body: Buffer }> {
  const m = await verbaleModel(ctx, projectId, claimId, kind);
  const base = `domanda-${m.claim.claimNo}-v${m.claim.versionNo}`;
  const render: Record<OutputKind, (m: VerbaleModel) => Promise<Buffer>> = {
    'verbale.pdf': verbalePdf,
    'allegato-1.pdf': allegato1Pdf,
    'allegato-2.pdf': allegato2Pdf,
    'allegato-1.xlsx': allegato1Xlsx,
    'allegato-2.xlsx': allegato2Xlsx,
  };
  return {
    filename: `${base}-${kind}`,
    mediaType: kind.endsWith('.pdf') ? PDF : XLSX,
    body: await render[kind](m),
  };
}
