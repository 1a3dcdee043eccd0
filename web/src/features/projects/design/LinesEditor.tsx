/**
 * The lines of a draft budget version: category, lead or partner, description and amount typed the
 * Italian way ("1.234,50", shown back as understood), with the caps checked live in the browser by
 * the very code the server runs (lib/project-rules). Saved as a whole, with the version's row version.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { SelectField, TextField } from '../../../components/FormField';
import { checkCaps, checkCoFinancing, parseEuroCents, totalsOf, type CallRules } from '../../../lib/project-rules';
import { usePutLines } from './api/budget';
import type { BudgetVersion, ProjectDetail } from './api/types';
import { BudgetChecks } from './BudgetChecks';
import { euro, useDesignProblem } from './words';

interface Row {
  id: number;
  lineKey?: string;
  categoryCode: string;
  partnerOrgId: string;
  description: string;
  amount: string;
}

const typedOf = (cents: number) => euro(cents).replace(/\s?€$/, '');

export function LinesEditor({ p, v }: { p: ProjectDetail; v: BudgetVersion }) {
  const { t } = useTranslation();
  const problem = useDesignProblem();
  const save = usePutLines(p.id, v.id);
  const rules: CallRules = p.rules;
  const [seq, setSeq] = useState(v.lines.length);
  const [rows, setRows] = useState<Row[]>(() =>
    v.lines.map((l, i) => ({
      id: i,
      lineKey: l.lineKey,
      categoryCode: l.categoryCode,
      partnerOrgId: l.partnerOrgId ?? '',
      description: l.description,
      amount: typedOf(l.amountCents),
    })),
  );
  const [coFinancing, setCoFinancing] = useState(typedOf(v.coFinancingCents));
  const [saved, setSaved] = useState(false);

  const parsed = rows.map((r) => parseEuroCents(r.amount));
  const coFinancingCents = parseEuroCents(coFinancing);
  const live = useMemo(() => {
    const amounts = rows.map((r, i) => ({ categoryCode: r.categoryCode, cents: parsed[i] ?? 0 }));
    const totals = totalsOf(rules, amounts);
    return {
      ...totals,
      caps: checkCaps(rules, amounts, { exactFlat: true }),
      coFinancing: checkCoFinancing(rules, totals.totalCents, coFinancingCents ?? 0),
    };
  }, [rows, parsed, rules, coFinancingCents]);

  const set = (id: number, patch: Partial<Row>) => {
    setSaved(false);
    setRows(rows.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  };
  const invalid =
    parsed.some((c) => c === null) || coFinancingCents === null || rows.some((r) => r.description.trim().length < 2);
  const partnerOptions = [
    { value: '', label: t('projects.design.budget.leadOption', { name: p.leadOrgName }) },
    ...p.partners.map((x) => ({ value: x.organisationId, label: x.name })),
  ];
  const categoryOptions = rules.categories.map((c) => ({ value: c.code, label: `${c.code} — ${c.labelIt}` }));

  return (
    <section aria-labelledby="budget-lines" className="mb-4">
      <h3 id="budget-lines" className="h5">
        {t('projects.design.budget.linesEdit')}
      </h3>
      <p className="small">{t('projects.design.budget.linesHint')}</p>
      {rows.map((r, i) => (
        <fieldset key={r.id} className="border rounded p-2 mb-2">
          <legend className="h6 px-1 mb-1">{t('projects.design.budget.lineN', { n: i + 1 })}</legend>
          <div className="row">
            <div className="col-md-3">
              <SelectField
                id={`line-${r.id}-category`}
                label={t('projects.design.budget.category')}
                value={r.categoryCode}
                onChange={(e) => set(r.id, { categoryCode: e.target.value })}
                options={categoryOptions}
              />
            </div>
            <div className="col-md-3">
              <SelectField
                id={`line-${r.id}-partner`}
                label={t('projects.design.budget.partner')}
                value={r.partnerOrgId}
                onChange={(e) => set(r.id, { partnerOrgId: e.target.value })}
                options={partnerOptions}
              />
            </div>
            <div className="col-md-3">
              <TextField
                id={`line-${r.id}-description`}
                label={t('projects.design.budget.description')}
                value={r.description}
                maxLength={300}
                error={r.description.trim().length < 2 ? t('projects.design.budget.descriptionShort') : undefined}
                onChange={(e) => set(r.id, { description: e.target.value })}
              />
            </div>
            <div className="col-md-3">
              <TextField
                id={`line-${r.id}-amount`}
                label={t('projects.design.budget.amount')}
                inputMode="decimal"
                autoComplete="off"
                value={r.amount}
                hint={
                  parsed[i] !== null && parsed[i] !== undefined
                    ? t('projects.design.budget.understood', { value: euro(parsed[i]) })
                    : undefined
                }
                error={parsed[i] === null ? t('projects.design.budget.amountInvalid') : undefined}
                onChange={(e) => set(r.id, { amount: e.target.value })}
              />
            </div>
          </div>
          <button
            type="button"
            className="btn btn-link btn-sm text-danger"
            onClick={() => {
              setSaved(false);
              setRows(rows.filter((x) => x.id !== r.id));
            }}
          >
            {t('projects.design.budget.removeLine', { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="btn btn-outline-primary btn-sm mb-3"
        onClick={() => {
          setSaved(false);
          setRows([
            ...rows,
            { id: seq, categoryCode: rules.categories[0]!.code, partnerOrgId: '', description: '', amount: '' },
          ]);
          setSeq(seq + 1);
        }}
      >
        {t('projects.design.budget.addLine')}
      </button>
      <TextField
        id="budget-cofinancing"
        label={t('projects.design.budget.coFinancing')}
        inputMode="decimal"
        autoComplete="off"
        value={coFinancing}
        error={coFinancingCents === null ? t('projects.design.budget.amountInvalid') : undefined}
        onChange={(e) => {
          setSaved(false);
          setCoFinancing(e.target.value);
        }}
      />
      <BudgetChecks view={live} live />
      {saved && (
        <Alert kind="success" live="status">
          {t('projects.design.budget.saved')}
        </Alert>
      )}
      {save.isError && (
        <Alert kind="danger" live="alert">
          {problem(save.error)}
        </Alert>
      )}
      <button
        type="button"
        className="btn btn-primary"
        disabled={save.isPending || invalid}
        onClick={() =>
          save.mutate(
            {
              rowVersion: v.rowVersion,
              coFinancingCents: coFinancingCents ?? 0,
              lines: rows.map((r, i) => ({
                ...(r.lineKey ? { lineKey: r.lineKey } : {}),
                categoryCode: r.categoryCode,
                partnerOrgId: r.partnerOrgId || null,
                description: r.description.trim(),
                amountCents: parsed[i] ?? 0,
              })),
            },
            {
              // the answer keeps the order sent: new lines take the keys the server gave them
              onSuccess: (nv) => {
                setRows((now) => now.map((r, i) => ({ ...r, lineKey: nv.lines[i]?.lineKey ?? r.lineKey })));
                setSaved(true);
              },
            },
          )
        }
      >
        {t('projects.design.budget.save')}
      </button>
    </section>
  );
}
