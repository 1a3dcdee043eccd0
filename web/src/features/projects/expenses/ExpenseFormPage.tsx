/**
 * /progetti/:projectId/spese/nuova and /progetti/:projectId/spese/:expenseId — one expense: the
 * document, the amounts typed the Italian way, the budget line picked by its category's label, the
 * payment proof; the warnings the server found, in words; for a recorded expense its documents,
 * its state and the actions on it.
 */
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AmountField } from '../../../components/AmountField';
import { useNotify } from '../../../components/Notifications';
import { PageHeader } from '../../../components/PageHeader';
import { RecordStatus } from '../../../components/RecordStatus';
import { FormCheckbox, FormSelect, FormSummary, FormText, FormTextArea } from '../../../components/SchemaFields';
import { amountField, numberLocaleOf } from '../../../lib/amount';
import { Permission } from '../../../lib/permissions';
import { hasPermission, useSession } from '../../../lib/session';
import { editableNumber, MONEY } from '../../../lib/number';
import { SchemaFormProvider, useSchemaForm } from '../../../lib/schemaForm';
import { ProjectTabs } from '../shared/ProjectTabs';
import { useDeleteExpense } from './api/deleteExpense';
import { useExpense } from './api/getExpense';
import { useExpenses, type Expense, type ExpensePage } from './api/listExpenses';
import { useCreateExpense, useUpdateExpense } from './api/saveExpense';
import { useSetExpenseStatus } from './api/setExpenseStatus';
import { ExpenseDocuments } from './ExpenseDocuments';
import { centsOf, dayOf, useExpenseWords } from './words';

const day = (t: TFunction) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, t('fieldErrors.required'));
const optionalDay = z
  .string()
  .transform((v) => (v === '' ? null : v))
  .pipe(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable(),
  );
const optionalText = z.string().transform((v) => (v.trim() === '' ? null : v.trim()));

const expenseFormSchema = (t: TFunction) =>
  z.object({
    docType: z.string().min(1, t('fieldErrors.required')),
    docNumber: z.string().trim().min(1, t('fieldErrors.required')),
    docDate: day(t),
    issuerName: z.string().trim().min(2, t('fieldErrors.required')),
    issuerTaxId: optionalText,
    description: optionalText,
    netCents: amountField(t, MONEY).transform(centsOf),
    vatCents: amountField(t, MONEY, true).transform((v) => (v === null ? 0 : centsOf(v))),
    vatRecoverable: z.boolean(),
    chargedCents: amountField(t, MONEY).transform(centsOf),
    lineKey: z.string().min(1, t('fieldErrors.required')),
    activityId: z.string().transform((v) => (v === '' ? null : v)),
    paymentDate: optionalDay,
    paymentMeans: z.string().transform((v) => (v === '' ? null : v)),
    paymentCents: amountField(t, MONEY, true).transform((v) => (v === null ? null : centsOf(v))),
    paymentRef: optionalText,
  });

function ExpenseForm({ page, expense }: { page: ExpensePage; expense: Expense | null }) {
  const { t, i18n } = useTranslation();
  const notify = useNotify();
  const navigate = useNavigate();
  const words = useExpenseWords();
  const projectId = page.project.id;
  const create = useCreateExpense(projectId);
  const update = useUpdateExpense(projectId, expense?.id ?? '');
  const locale = numberLocaleOf(i18n.resolvedLanguage ?? i18n.language);
  const money = (cents: number | null | undefined) =>
    cents === null || cents === undefined ? '' : editableNumber(cents / 100, locale, MONEY);
  const editable = expense === null ? page.project.canEdit : expense.canEdit;
  const form = useSchemaForm({
    schema: expenseFormSchema,
    idPrefix: 'expense-',
    defaultValues: {
      docType: expense?.docType ?? '',
      docNumber: expense?.docNumber ?? '',
      docDate: expense?.docDate ?? '',
      issuerName: expense?.issuerName ?? '',
      issuerTaxId: expense?.issuerTaxId ?? '',
      description: expense?.description ?? '',
      netCents: money(expense?.netCents),
      vatCents: money(expense?.vatCents),
      vatRecoverable: expense?.vatRecoverable ?? false,
      chargedCents: money(expense?.chargedCents),
      lineKey: expense?.lineKey ?? '',
      activityId: expense?.activityId ?? '',
      paymentDate: expense?.paymentDate ?? '',
      paymentMeans: expense?.paymentMeans ?? '',
      paymentCents: money(expense?.paymentCents),
      paymentRef: expense?.paymentRef ?? '',
    },
  });

  const onSubmit = form.submit(async (values) => {
    const body = values;
    if (expense === null) {
      const made = await create.mutateAsync(body);
      notify(t('projects.expenses.form.created'));
      void navigate(`/progetti/${projectId}/spese/${made.id}`);
    } else {
      await update.mutateAsync({ ...body, rowVersion: expense.rowVersion });
      notify(t('projects.expenses.form.saved'));
    }
  });

  const choose = { value: '', label: t('projects.expenses.form.choose') };
  return (
    <SchemaFormProvider form={form}>
      <form noValidate onSubmit={onSubmit}>
        <FormSummary />
        <fieldset disabled={!editable}>
          <legend className="h4">{t('projects.expenses.form.document')}</legend>
          <div className="row">
            <FormSelect
              name="docType"
              className="col-md-4"
              label={t('projects.expenses.form.docType')}
              required
              options={[choose, ...page.project.documentTypes.map((c) => ({ value: c, label: words.docType(c) }))]}
            />
            <FormText name="docNumber" className="col-md-4" label={t('projects.expenses.form.docNumber')} required />
            <FormText
              name="docDate"
              className="col-md-4"
              type="date"
              label={t('projects.expenses.form.docDate')}
              required
            />
            <FormText name="issuerName" className="col-md-6" label={t('projects.expenses.form.issuerName')} required />
            <FormText
              name="issuerTaxId"
              className="col-md-6"
              label={t('projects.expenses.form.issuerTaxId')}
              hint={t('projects.expenses.form.issuerTaxIdHint')}
              transform={(v) => v.toUpperCase()}
            />
            <FormTextArea name="description" className="col-12" label={t('projects.expenses.form.description')} />
          </div>
        </fieldset>
        <fieldset disabled={!editable}>
          <legend className="h4">{t('projects.expenses.form.amounts')}</legend>
          <div className="row">
            <AmountField name="netCents" className="col-md-4" label={t('projects.expenses.form.netCents')} required />
            <AmountField name="vatCents" className="col-md-4" label={t('projects.expenses.form.vatCents')} />
            <div className="col-md-4 pt-4">
              <FormCheckbox name="vatRecoverable" label={t('projects.expenses.form.vatRecoverable')} />
            </div>
            <AmountField
              name="chargedCents"
              className="col-md-6"
              label={t('projects.expenses.form.chargedCents')}
              hint={t('projects.expenses.form.chargedHint')}
              required
            />
          </div>
        </fieldset>
        <fieldset disabled={!editable}>
          <legend className="h4">{t('projects.expenses.form.imputation')}</legend>
          <FormSelect
            name="lineKey"
            label={t('projects.expenses.form.line')}
            required
            options={[
              choose,
              ...page.lines.filter((l) => !l.flatRate).map((l) => ({ value: l.lineKey, label: words.line(l) })),
            ]}
          />
          {page.project.activities.length > 0 && (
            <FormSelect
              name="activityId"
              label={t('projects.expenses.form.activity')}
              options={[
                { value: '', label: t('projects.expenses.form.none') },
                ...page.project.activities.map((a) => ({ value: a.id, label: `${a.code} ${a.title}` })),
              ]}
            />
          )}
        </fieldset>
        <fieldset disabled={!editable}>
          <legend className="h4">{t('projects.expenses.form.payment')}</legend>
          <div className="row">
            <FormText
              name="paymentDate"
              className="col-md-4"
              type="date"
              label={t('projects.expenses.form.paymentDate')}
            />
            <FormSelect
              name="paymentMeans"
              className="col-md-4"
              label={t('projects.expenses.form.paymentMeans')}
              hint={t('projects.expenses.form.paymentMeansHint')}
              options={[
                { value: '', label: t('projects.expenses.form.none') },
                ...page.project.paymentMeans.map((c) => ({ value: c, label: words.paymentMeans(c) })),
              ]}
            />
            <AmountField name="paymentCents" className="col-md-4" label={t('projects.expenses.form.paymentCents')} />
            <FormText name="paymentRef" className="col-12" label={t('projects.expenses.form.paymentRef')} />
          </div>
        </fieldset>
        {editable ? (
          <button type="submit" className="btn btn-primary" disabled={create.isPending || update.isPending}>
            {t('projects.expenses.form.save')}
          </button>
        ) : (
          <p>{t('projects.expenses.form.readOnly')}</p>
        )}
      </form>
    </SchemaFormProvider>
  );
}

/** The state of a recorded expense and the moves the server allows from it. */
function ExpenseStatusActions({ expense }: { expense: Expense }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const words = useExpenseWords();
  const setStatus = useSetExpenseStatus(expense.projectId, expense.id);
  // validating is for the responsabile amministrativo: the others do not see the button
  const mayValidate = hasPermission(useSession(), Permission.projectsExpensesValidate);
  const all: Array<'BOZZA' | 'CARICATA' | 'VALIDATA'> =
    expense.status === 'BOZZA'
      ? ['CARICATA']
      : expense.status === 'CARICATA'
        ? ['VALIDATA', 'BOZZA']
        : expense.status === 'VALIDATA'
          ? ['CARICATA', 'BOZZA']
          : [];
  const moves = all.filter((to) => to !== 'VALIDATA' || mayValidate);
  const move = async (to: 'BOZZA' | 'CARICATA' | 'VALIDATA') => {
    await setStatus.mutateAsync({ to, rowVersion: expense.rowVersion });
    notify(t('projects.expenses.status.changed', { status: words.status(to) }));
  };
  return (
    <section className="my-4" aria-labelledby="expense-status">
      <h2 id="expense-status" className="h4">
        {t('projects.expenses.status.title')}
      </h2>
      <p>{t('projects.expenses.status.current', { status: words.status(expense.status) })}</p>
      {expense.canEdit && moves.length > 0 && (
        <>
          <p className="form-text">{t('projects.expenses.status.hint')}</p>
          <div className="d-flex gap-2">
            {moves.map((to) => (
              <button
                key={to}
                type="button"
                className={to === 'BOZZA' ? 'btn btn-outline-primary' : 'btn btn-primary'}
                disabled={setStatus.isPending}
                onClick={() => void move(to).catch(() => undefined)}
              >
                {t(`projects.expenses.status.to.${to}`)}
              </button>
            ))}
          </div>
          {setStatus.error !== null && (
            <div className="alert alert-danger mt-3" role="alert">
              {setStatus.error.message}
            </div>
          )}
        </>
      )}
    </section>
  );
}

export function ExpenseFormPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notify = useNotify();
  const words = useExpenseWords();
  const { projectId = '', expenseId } = useParams();
  // the project's header, lines and the call's lists come with the first page of the list
  const page = useExpenses(projectId, { page: 1, pageSize: 1 });
  const expense = useExpense(projectId, expenseId);
  const remove = useDeleteExpense(projectId);
  // the Regione sees the figures, not the documents
  const mayReadDocuments = hasPermission(useSession(), Permission.projectsDocumentsRead);
  const e = expense.data ?? null;
  const title =
    expenseId === undefined
      ? t('projects.expenses.form.newTitle')
      : e
        ? t('projects.expenses.form.editTitle', { number: e.docNumber, date: dayOf(e.docDate) })
        : t('projects.expenses.title');
  const onDelete = async () => {
    if (!e || !window.confirm(t('projects.expenses.form.confirmDelete'))) return;
    await remove.mutateAsync(e.id);
    notify(t('projects.expenses.form.deleted'));
    void navigate(`/progetti/${projectId}/spese`);
  };
  const ready = page.data !== undefined && (expenseId === undefined || e !== null);
  return (
    <div>
      <PageHeader
        title={title}
        breadcrumbs={[
          ...(page.data ? [{ label: page.data.project.title, to: `/progetti/${projectId}` }] : []),
          { label: t('projects.expenses.title'), to: `/progetti/${projectId}/spese` },
        ]}
      />
      <ProjectTabs projectId={projectId} current="spese" />
      {!ready ? (
        <RecordStatus query={page.data === undefined ? page : expense} />
      ) : (
        <>
          {e !== null && e.warnings.length > 0 && (
            <div className="alert alert-warning" role="status">
              <h2 className="h5">{t('projects.expenses.form.warningsTitle')}</h2>
              <ul className="mb-0">
                {e.warnings.map((w) => (
                  <li key={w.code}>
                    <strong>{words.warning(w.code)}</strong>
                    {w.message !== '' && <>: {w.message}</>}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <ExpenseForm key={`${e?.id ?? 'new'}-${e?.rowVersion ?? 0}`} page={page.data} expense={e} />
          {e === null ? (
            <p className="mt-4">{t('projects.expenses.documents.saveFirst')}</p>
          ) : (
            <>
              <ExpenseStatusActions expense={e} />
              {mayReadDocuments && <ExpenseDocuments projectId={projectId} expenseId={e.id} />}
              {e.canEdit && (
                <button
                  type="button"
                  className="btn btn-outline-danger mt-4"
                  disabled={remove.isPending}
                  onClick={() => void onDelete().catch(() => undefined)}
                >
                  {t('projects.expenses.form.delete')}
                </button>
              )}
            </>
          )}
          <p className="mt-4">
            <Link to={`/progetti/${projectId}/spese`}>{t('projects.expenses.form.back')}</Link>
          </p>
        </>
      )}
    </div>
  );
}
