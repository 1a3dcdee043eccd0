import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useRegions } from '../../../lib/lookups';
import { Permission } from '../../../lib/permissions';
import { axes, priorityActions, type Axis } from '../../../lib/plan-vocabulary';
import {
  actorRoles,
  evidenceLevels,
  linkKinds,
  practiceSectors,
  sizeClasses,
  type ActorRole,
  type EvidenceLevel,
  type LinkKind,
  type PracticeSector,
  type SizeClass,
} from '../../../lib/practice-vocabulary';
import { hasPermission, useSession } from '../../../lib/session';
import {
  useCreatePractice,
  usePractice,
  usePracticePicker,
  usePracticeStep,
  useUpdatePractice,
  type PickerKind,
  type PracticeCreate,
  type PracticeDetail,
} from './api/practices';
import { usePracticeProblem } from './words';

interface Named {
  id: string;
  label: string;
}
interface FormState {
  title: string;
  summary: string;
  problem: string;
  intervention: string;
  resources: string;
  budget: string;
  transferability: string;
  contactOffice: string;
  axis: string;
  sector: string;
  sizeClass: string;
  priorityActions: number[];
  regionCodes: string[];
  results: { text: string; evidence: EvidenceLevel }[];
  actors: (Named & { role: ActorRole })[];
  links: (Named & { kind: LinkKind })[];
}

const stateOf = (p: PracticeDetail | undefined): FormState => ({
  title: p?.title ?? '',
  summary: p?.summary ?? '',
  problem: p?.problem ?? '',
  intervention: p?.intervention ?? '',
  resources: p?.resources ?? '',
  budget: p?.budgetCents != null ? (p.budgetCents / 100).toFixed(2).replace('.', ',') : '',
  transferability: p?.transferability ?? '',
  contactOffice: p?.contactOffice ?? '',
  axis: p?.axis ?? '',
  sector: p?.sector ?? '',
  sizeClass: p?.sizeClass ?? '',
  priorityActions: p?.priorityActions ?? [],
  regionCodes: p?.regionCodes ?? [],
  results: p?.results ?? [],
  actors: (p?.actors ?? []).map((a) => ({ id: a.orgId, label: a.name, role: a.role })),
  links: (p?.links ?? []).map((l) => ({ id: l.targetId, label: l.label, kind: l.kind })),
});

/** "1.234,50" or "1234.5" → cents; null when empty; undefined when not a number. */
function centsOf(text: string): number | null | undefined {
  const s = text.trim().replace(/\s|€/g, '');
  if (s === '') return null;
  const normal = s.includes(',') ? s.replace(/\./g, '').replace(',', '.') : s;
  if (!/^\d+(\.\d{1,2})?$/.test(normal)) return undefined;
  return Math.round(Number(normal) * 100);
}

/** Find and add: words typed, the matches as buttons (organisations, Comuni, plan actions, projects, responses). */
function Picker({
  id,
  kind,
  label,
  onPick,
}: {
  id: string;
  kind: PickerKind;
  label: string;
  onPick: (n: Named) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const found = usePracticePicker(kind, text.trim());
  return (
    <div className="mb-3">
      <TextField
        id={id}
        type="search"
        label={label}
        hint={t('knowledge.practices.form.pickHint')}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {text.trim().length >= 2 && found.data && (
        <ul className="list-unstyled" aria-label={t('knowledge.practices.form.matches')}>
          {found.data.items.length === 0 && <li>{t('knowledge.practices.form.noMatch')}</li>}
          {found.data.items.map((o) => (
            <li key={o.id} className="mb-1">
              <button
                type="button"
                className="btn btn-outline-primary btn-sm"
                onClick={() => {
                  onPick(o);
                  setText('');
                }}
              >
                {t('knowledge.practices.form.add')}: {o.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** /buone-pratiche-gestione/nuova and /buone-pratiche-gestione/:practiceId: the authors' form and the workflow. */
export function PracticeEditPage() {
  const { practiceId = '' } = useParams();
  const practice = usePractice(practiceId);
  if (practiceId === '') return <PracticeForm />;
  if (practice.isPending) return <Loading />;
  if (practice.isError) return <QueryError error={practice.error} onRetry={() => void practice.refetch()} />;
  return <PracticeForm key={practice.data.id} practice={practice.data} />;
}

function PracticeForm({ practice }: { practice?: PracticeDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useSession();
  const problem = usePracticeProblem();
  const regions = useRegions();
  const create = useCreatePractice();
  const update = useUpdatePractice(practice?.id ?? '');
  const step = usePracticeStep(practice?.id ?? '');
  const [f, setF] = useState<FormState>(() => stateOf(practice));
  const [budgetError, setBudgetError] = useState(false);
  const [comment, setComment] = useState('');
  const [linkKind, setLinkKind] = useState<LinkKind>('COMUNE');
  const [notice, setNotice] = useState<string | null>(null);
  const set =
    (
      k:
        | 'title'
        | 'summary'
        | 'problem'
        | 'intervention'
        | 'resources'
        | 'budget'
        | 'transferability'
        | 'contactOffice'
        | 'axis'
        | 'sector'
        | 'sizeClass',
    ) =>
    (e: { target: { value: string } }) =>
      setF({ ...f, [k]: e.target.value });
  const editable = !practice || practice.status === 'BOZZA';
  const reviewer = hasPermission(me, Permission.knowledgePracticesReview);
  const write = practice ? update : create;
  const error = [write, step].find((m) => m.isError)?.error;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    const budgetCents = centsOf(f.budget);
    if (budgetCents === undefined) {
      setBudgetError(true);
      return;
    }
    setBudgetError(false);
    const body: PracticeCreate = {
      title: f.title,
      summary: f.summary,
      problem: f.problem,
      intervention: f.intervention,
      resources: f.resources,
      budgetCents,
      transferability: f.transferability,
      contactOffice: f.contactOffice,
      axis: f.axis as Axis,
      sector: f.sector as PracticeSector,
      sizeClass: f.sizeClass ? (f.sizeClass as SizeClass) : null,
      priorityActions: f.priorityActions,
      regionCodes: f.regionCodes,
      results: f.results.filter((r) => r.text.trim() !== ''),
      actors: f.actors.map((a) => ({ orgId: a.id, role: a.role })),
      links: f.links.map((l) => ({ kind: l.kind, targetId: l.id })),
    };
    if (practice) {
      const { sizeClass, ...rest } = body;
      update.mutate(
        { ...rest, sizeClass: sizeClass ?? null, rowVersion: practice.rowVersion },
        { onSuccess: () => setNotice(t('knowledge.practices.form.saved')) },
      );
    } else create.mutate(body, { onSuccess: (made) => void navigate(`/buone-pratiche-gestione/${made.id}`) });
  };

  const toggle = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

  return (
    <>
      <PageHeader
        title={practice ? practice.title : t('knowledge.practices.form.newTitle')}
        breadcrumbs={[{ to: '/buone-pratiche-gestione', label: t('knowledge.practices.admin.title') }]}
      />
      {notice && (
        <Alert kind="success" live="status">
          {notice}
        </Alert>
      )}
      {error !== undefined && (
        <Alert kind="danger" live="alert">
          {problem(error)}
        </Alert>
      )}
      {practice && (
        <section aria-labelledby="pratica-stato" className="mb-4">
          <h2 id="pratica-stato" className="h4">
            {t('knowledge.practices.form.status')}: {t(`knowledge.practices.statuses.${practice.status}`)}
          </h2>
          {practice.reviewComment && (
            <Alert kind="warning">
              {t('knowledge.practices.form.reviewComment')}: {practice.reviewComment}
            </Alert>
          )}
          {practice.status === 'BOZZA' && (
            <button
              type="button"
              className="btn btn-primary"
              disabled={step.isPending}
              onClick={() =>
                step.mutate(
                  { step: 'submit', rowVersion: practice.rowVersion },
                  { onSuccess: () => setNotice(t('knowledge.practices.form.submitted')) },
                )
              }
            >
              {t('knowledge.practices.form.submit')}
            </button>
          )}
          {practice.status === 'IN_REVISIONE' && reviewer && (
            <div>
              <TextAreaField
                id="practice-review-comment"
                label={t('knowledge.practices.form.commentLabel')}
                hint={t('knowledge.practices.form.commentHint')}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
              />
              <button
                type="button"
                className="btn btn-outline-primary me-2"
                disabled={step.isPending || comment.trim().length < 3}
                onClick={() =>
                  step.mutate(
                    { step: 'return', rowVersion: practice.rowVersion, comment },
                    { onSuccess: () => setNotice(t('knowledge.practices.form.returned')) },
                  )
                }
              >
                {t('knowledge.practices.form.return')}
              </button>
              <button
                type="button"
                className="btn btn-primary"
                disabled={step.isPending}
                onClick={() =>
                  step.mutate(
                    { step: 'publish', rowVersion: practice.rowVersion },
                    { onSuccess: () => setNotice(t('knowledge.practices.form.published')) },
                  )
                }
              >
                {t('knowledge.practices.form.publish')}
              </button>
            </div>
          )}
          {practice.status === 'IN_REVISIONE' && !reviewer && <p>{t('knowledge.practices.form.inReview')}</p>}
          {practice.status === 'PUBBLICATA' && (
            <p>
              <Link to={`/buone-pratiche/${practice.slug}`}>{t('knowledge.practices.form.publicLink')}</Link>
            </p>
          )}
        </section>
      )}
      {editable && (
        <form onSubmit={submit} noValidate>
          <h2 className="h4">{t('knowledge.practices.form.content')}</h2>
          <TextField
            id="practice-title"
            label={t('knowledge.practices.fields.title')}
            value={f.title}
            onChange={set('title')}
            required
            maxLength={300}
          />
          <TextAreaField
            id="practice-summary"
            label={t('knowledge.practices.fields.summary')}
            value={f.summary}
            onChange={set('summary')}
            required
          />
          <TextAreaField
            id="practice-problem"
            label={t('knowledge.practices.fields.problem')}
            hint={t('knowledge.practices.form.textHint')}
            value={f.problem}
            onChange={set('problem')}
            rows={5}
          />
          <TextAreaField
            id="practice-intervention"
            label={t('knowledge.practices.fields.intervention')}
            hint={t('knowledge.practices.form.textHint')}
            value={f.intervention}
            onChange={set('intervention')}
            rows={6}
          />
          <TextAreaField
            id="practice-resources"
            label={t('knowledge.practices.fields.resources')}
            value={f.resources}
            onChange={set('resources')}
          />
          <TextField
            id="practice-budget"
            label={t('knowledge.practices.fields.budget')}
            hint={t('knowledge.practices.form.budgetHint')}
            inputMode="decimal"
            value={f.budget}
            onChange={set('budget')}
            error={budgetError ? t('knowledge.practices.form.budgetError') : undefined}
          />
          <fieldset className="mb-4">
            <legend className="h5">{t('knowledge.practices.fields.results')}</legend>
            {f.results.map((r, i) => (
              <div key={i} className="row align-items-end">
                <div className="col-md-7">
                  <TextField
                    id={`practice-result-${i}`}
                    label={t('knowledge.practices.form.resultN', { n: i + 1 })}
                    value={r.text}
                    onChange={(e) =>
                      setF({ ...f, results: f.results.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)) })
                    }
                  />
                </div>
                <div className="col-md-3">
                  <SelectField
                    id={`practice-evidence-${i}`}
                    label={t('knowledge.practices.fields.evidence')}
                    value={r.evidence}
                    onChange={(e) =>
                      setF({
                        ...f,
                        results: f.results.map((x, j) =>
                          j === i ? { ...x, evidence: e.target.value as EvidenceLevel } : x,
                        ),
                      })
                    }
                    options={evidenceLevels.map((v) => ({ value: v, label: t(`knowledge.practices.evidence.${v}`) }))}
                  />
                </div>
                <div className="col-md-2 mb-3">
                  <button
                    type="button"
                    className="btn btn-outline-danger btn-sm"
                    onClick={() => setF({ ...f, results: f.results.filter((_, j) => j !== i) })}
                  >
                    {t('knowledge.practices.form.remove')}
                  </button>
                </div>
              </div>
            ))}
            <button
              type="button"
              className="btn btn-outline-primary btn-sm"
              onClick={() => setF({ ...f, results: [...f.results, { text: '', evidence: 'ANEDDOTICA' }] })}
            >
              {t('knowledge.practices.form.addResult')}
            </button>
          </fieldset>
          <TextAreaField
            id="practice-transferability"
            label={t('knowledge.practices.fields.transferability')}
            value={f.transferability}
            onChange={set('transferability')}
          />
          <TextField
            id="practice-contact"
            label={t('knowledge.practices.fields.contactOffice')}
            hint={t('knowledge.practices.form.contactHint')}
            value={f.contactOffice}
            onChange={set('contactOffice')}
          />

          <h2 className="h4 mt-4">{t('knowledge.practices.form.classification')}</h2>
          <div className="row">
            <div className="col-md-4">
              <SelectField
                id="practice-axis"
                label={t('knowledge.practices.fields.axis')}
                emptyOption={t('knowledge.practices.form.choose')}
                value={f.axis}
                onChange={set('axis')}
                required
                options={axes.map((a) => ({ value: a, label: t(`plans.common.axes.${a}`) }))}
              />
            </div>
            <div className="col-md-4">
              <SelectField
                id="practice-sector"
                label={t('knowledge.practices.fields.sector')}
                emptyOption={t('knowledge.practices.form.choose')}
                value={f.sector}
                onChange={set('sector')}
                required
                options={practiceSectors.map((s) => ({ value: s, label: t(`knowledge.practices.sectors.${s}`) }))}
              />
            </div>
            <div className="col-md-4">
              <SelectField
                id="practice-size"
                label={t('knowledge.practices.fields.sizeClass')}
                emptyOption={t('knowledge.practices.form.noSize')}
                value={f.sizeClass}
                onChange={set('sizeClass')}
                options={sizeClasses.map((s) => ({ value: s, label: t(`bands.${s}`) }))}
              />
            </div>
          </div>
          <fieldset className="mb-3">
            <legend className="h5">{t('knowledge.practices.fields.priorityActions')}</legend>
            {priorityActions.map((n) => (
              <CheckboxField
                key={n}
                id={`practice-pa-${n}`}
                label={`${n}. ${t(`plans.common.priorityActions.${String(n) as '1'}`)}`}
                checked={f.priorityActions.includes(n)}
                onChange={() => setF({ ...f, priorityActions: toggle(f.priorityActions, n).sort((a, b) => a - b) })}
              />
            ))}
          </fieldset>
          <fieldset className="mb-3">
            <legend className="h5">{t('knowledge.practices.fields.region')}</legend>
            <div className="row">
              {(regions.data?.items ?? []).map((r) => (
                <div key={r.code} className="col-md-4">
                  <CheckboxField
                    id={`practice-region-${r.code}`}
                    label={r.name}
                    checked={f.regionCodes.includes(r.code)}
                    onChange={() => setF({ ...f, regionCodes: toggle(f.regionCodes, r.code) })}
                  />
                </div>
              ))}
            </div>
          </fieldset>

          <h2 className="h4 mt-4">{t('knowledge.practices.fields.actors')}</h2>
          <ul className="list-unstyled">
            {f.actors.map((a, i) => (
              <li key={a.id} className="row align-items-end">
                <div className="col-md-6 mb-3">{a.label}</div>
                <div className="col-md-4">
                  <SelectField
                    id={`practice-actor-role-${i}`}
                    label={t('knowledge.practices.form.roleOf', { name: a.label })}
                    value={a.role}
                    onChange={(e) =>
                      setF({
                        ...f,
                        actors: f.actors.map((x, j) => (j === i ? { ...x, role: e.target.value as ActorRole } : x)),
                      })
                    }
                    options={actorRoles.map((r) => ({ value: r, label: t(`knowledge.practices.actorRoles.${r}`) }))}
                  />
                </div>
                <div className="col-md-2 mb-3">
                  <button
                    type="button"
                    className="btn btn-outline-danger btn-sm"
                    onClick={() => setF({ ...f, actors: f.actors.filter((_, j) => j !== i) })}
                  >
                    {t('knowledge.practices.form.remove')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
          <Picker
            id="practice-actor-pick"
            kind="ORGANIZZAZIONE"
            label={t('knowledge.practices.form.findOrganisation')}
            onPick={(o) =>
              f.actors.some((a) => a.id === o.id) || setF({ ...f, actors: [...f.actors, { ...o, role: 'PARTNER' }] })
            }
          />

          <h2 className="h4 mt-4">{t('knowledge.practices.fields.links')}</h2>
          <ul>
            {f.links.map((l, i) => (
              <li key={`${l.kind}:${l.id}`}>
                {t(`knowledge.practices.linkKinds.${l.kind}`)}: {l.label}{' '}
                <button
                  type="button"
                  className="btn btn-link btn-sm"
                  onClick={() => setF({ ...f, links: f.links.filter((_, j) => j !== i) })}
                >
                  {t('knowledge.practices.form.remove')}
                </button>
              </li>
            ))}
          </ul>
          <SelectField
            id="practice-link-kind"
            label={t('knowledge.practices.form.linkKind')}
            value={linkKind}
            onChange={(e) => setLinkKind(e.target.value as LinkKind)}
            options={linkKinds.map((k) => ({ value: k, label: t(`knowledge.practices.linkKinds.${k}`) }))}
          />
          <Picker
            key={linkKind}
            id="practice-link-pick"
            kind={linkKind}
            label={t('knowledge.practices.form.findLink', { kind: t(`knowledge.practices.linkKinds.${linkKind}`) })}
            onPick={(o) =>
              f.links.some((l) => l.kind === linkKind && l.id === o.id) ||
              setF({ ...f, links: [...f.links, { ...o, kind: linkKind }] })
            }
          />
          <button type="submit" className="btn btn-primary mt-3" disabled={write.isPending}>
            {practice ? t('knowledge.practices.form.save') : t('knowledge.practices.form.create')}
          </button>
        </form>
      )}
    </>
  );
}
