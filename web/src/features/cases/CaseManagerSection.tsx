import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { FormSelect, FormSummary } from '../../components/SchemaFields';
import { useNotify } from '../../components/Notifications';
import { SchemaFormProvider, requiredText } from '../../lib/schemaForm';
import type { CaseDetail } from './api/types';
import { useCaseManagers } from './api/list-case-managers';
import { useReassignPilotCase } from './api/reassign-case';
import { managerLabel } from './labels';
import { usePilotSchemaForm } from './problems';

const reassignSchema = (t: TFunction) => z.object({ ownerUserId: requiredText(t('fieldErrors.required')) });

/**
 * "Responsabile del caso" (the referente's): who holds the case, and a small form that gives it
 * to another operatore or referente of the Comune. Self-contained: the case page places it.
 */
export function CaseManagerSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const managers = useCaseManagers(detail.canDecide);
  const reassign = useReassignPilotCase(detail.id);
  const form = usePilotSchemaForm({
    schema: reassignSchema,
    defaultValues: { ownerUserId: '' },
    idPrefix: 'cm-',
  });
  if (!detail.canDecide) return null;
  const others = (managers.data?.items ?? []).filter((m) => m.id !== detail.owner.id);
  const open = detail.status !== 'chiuso';

  const onSubmit = form.submit(async ({ ownerUserId }) => {
    const updated = await reassign.mutateAsync({ ownerUserId, version: detail.version });
    notify(t('cases.caseManager.reassigned', { name: updated.owner.displayName }));
    form.reset({ ownerUserId: '' });
  });

  return (
    <section aria-labelledby="case-manager-title" className="mb-5">
      <h2 id="case-manager-title">{t('cases.caseManager.title')}</h2>
      <p>{t('cases.caseManager.current', { name: detail.owner.displayName })}</p>
      {!open ? (
        <p>{t('cases.caseManager.closed')}</p>
      ) : others.length === 0 ? (
        <p>{managers.isPending ? t('common.loading') : t('cases.caseManager.noOthers')}</p>
      ) : (
        <SchemaFormProvider form={form}>
          <FormSummary />
          <form noValidate onSubmit={onSubmit} className="incas-form">
            <div className="row pt-3">
              <div className="col-md-8 col-lg-6">
                <FormSelect
                  name="ownerUserId"
                  label={t('cases.caseManager.newManager')}
                  hint={t('cases.caseManager.newManagerHint')}
                  required
                  emptyOption={t('form.choose')}
                  options={others.map((m) => ({ value: m.id, label: managerLabel(t, m) }))}
                />
              </div>
            </div>
            <button type="submit" className="btn btn-primary" disabled={reassign.isPending}>
              {t('cases.caseManager.submit')}
            </button>
          </form>
        </SchemaFormProvider>
      )}
    </section>
  );
}
