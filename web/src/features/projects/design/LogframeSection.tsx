/** The logical framework as a tree: the general objective, specific objectives under it, expected results under those. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { SelectField, TextAreaField, TextField } from '../../../components/FormField';
import { useCreateLogframeItem, useDeleteLogframeItem } from './api/logframe';
import type { LogframeItem, ProjectDetail } from './api/types';
import { useDesignProblem } from './words';

type Kind = LogframeItem['kind'];
const parentKind: Record<Kind, Kind | null> = {
  OBIETTIVO_GENERALE: null,
  OBIETTIVO_SPECIFICO: 'OBIETTIVO_GENERALE',
  RISULTATO: 'OBIETTIVO_SPECIFICO',
};

export function LogframeSection({ p, editable }: { p: ProjectDetail; editable: boolean }) {
  const { t } = useTranslation();
  const problem = useDesignProblem();
  const remove = useDeleteLogframeItem(p.id);
  const children = (parentId: string | null, kind: Kind) =>
    p.logframe.filter((i) => i.kind === kind && i.parentId === parentId);
  const render = (item: LogframeItem, childKind: Kind | null) => (
    <li key={item.id} className="mb-2">
      <span className="badge bg-light text-dark me-2">{t(`projects.design.logframeKind.${item.kind}`)}</span>
      <strong>{item.code}</strong> {item.text}
      {editable && (
        <button
          type="button"
          className="btn btn-link btn-sm"
          onClick={() => remove.mutate(item.id)}
          aria-label={t('projects.design.logframe.remove', { code: item.code })}
        >
          {t('projects.design.common.remove')}
        </button>
      )}
      {childKind && children(item.id, childKind).length > 0 && (
        <ul>
          {children(item.id, childKind).map((c) => render(c, childKind === 'OBIETTIVO_SPECIFICO' ? 'RISULTATO' : null))}
        </ul>
      )}
    </li>
  );
  return (
    <section aria-labelledby="project-logframe" className="mb-5">
      <h2 id="project-logframe" className="h4">
        {t('projects.design.logframe.title')}
      </h2>
      {remove.isError && (
        <Alert kind="danger" live="alert">
          {problem(remove.error)}
        </Alert>
      )}
      {p.logframe.length === 0 ? (
        <p>{t('projects.design.logframe.none')}</p>
      ) : (
        <ul>{children(null, 'OBIETTIVO_GENERALE').map((i) => render(i, 'OBIETTIVO_SPECIFICO'))}</ul>
      )}
      {editable && <LogframeForm p={p} />}
    </section>
  );
}

function LogframeForm({ p }: { p: ProjectDetail }) {
  const { t } = useTranslation();
  const problem = useDesignProblem();
  const create = useCreateLogframeItem(p.id);
  const hasGeneral = p.logframe.some((i) => i.kind === 'OBIETTIVO_GENERALE');
  const [kind, setKind] = useState<Kind>(hasGeneral ? 'OBIETTIVO_SPECIFICO' : 'OBIETTIVO_GENERALE');
  const [parentId, setParentId] = useState('');
  const [code, setCode] = useState('');
  const [text, setText] = useState('');
  const wanted = parentKind[kind];
  const parents = wanted ? p.logframe.filter((i) => i.kind === wanted) : [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        kind,
        parentId: wanted ? parentId || parents[0]?.id || null : null,
        code: code.trim(),
        text: text.trim(),
        position: p.logframe.length,
      },
      {
        onSuccess: () => {
          setCode('');
          setText('');
        },
      },
    );
  };
  return (
    <form onSubmit={submit} className="border rounded p-3" aria-labelledby="logframe-add">
      <h3 id="logframe-add" className="h6">
        {t('projects.design.logframe.add')}
      </h3>
      {create.isError && (
        <Alert kind="danger" live="alert">
          {problem(create.error)}
        </Alert>
      )}
      <div className="row">
        <div className="col-md-4">
          <SelectField
            id="logframe-kind"
            label={t('projects.design.logframe.kind')}
            value={kind}
            onChange={(e) => setKind(e.target.value as Kind)}
            options={(Object.keys(parentKind) as Kind[])
              .filter((k) => k !== 'OBIETTIVO_GENERALE' || !hasGeneral)
              .map((k) => ({ value: k, label: t(`projects.design.logframeKind.${k}`) }))}
          />
        </div>
        {wanted && (
          <div className="col-md-4">
            <SelectField
              id="logframe-parent"
              label={t('projects.design.logframe.parent')}
              value={parentId || parents[0]?.id || ''}
              onChange={(e) => setParentId(e.target.value)}
              options={parents.map((x) => ({ value: x.id, label: `${x.code} — ${x.text}` }))}
            />
          </div>
        )}
        <div className="col-md-4">
          <TextField
            id="logframe-code"
            label={t('projects.design.logframe.code')}
            hint={t('projects.design.logframe.codeHint')}
            value={code}
            required
            onChange={(e) => setCode(e.target.value)}
          />
        </div>
      </div>
      <TextAreaField
        id="logframe-text"
        label={t('projects.design.logframe.text')}
        value={text}
        required
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className="btn btn-primary btn-sm" disabled={create.isPending}>
        {t('projects.design.logframe.addButton')}
      </button>
    </form>
  );
}
