import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { TextField } from '../../../components/FormField';
import { callRulesSchema } from '../../../lib/project-rules';
import { useProblemMessages } from '../../../lib/problemMessages';
import { bpToText, textToBp, useProjectWords } from '../shared/words';
import type { Rules } from './api/types';

type Category = Rules['categories'][number];
type Cap = Rules['caps'][number];

const knownDocTypes = ['FATTURA', 'CEDOLINO', 'NOTULA', 'RICEVUTA', 'F24', 'NOTA_SPESE', 'ALTRO'];
const knownMeans = ['BONIFICO', 'MANDATO', 'F24', 'CARTA', 'ASSEGNO', 'CONTANTI'];

/** Caps edited with their percentage as typed ("7,5"), turned into basis points when saved. */
type CapDraft = Omit<Cap, 'bp' | 'categories'> & { pct: string; categoriesText: string };

/**
 * The draft version's rules as a form: the eligibility period, the categories (macrovoci and
 * sub-items), the caps with their percentage, co-financing, documents and payment means. Checked
 * in the browser with the server's own schema before it is sent; the server checks again.
 */
export function RulesEditor({
  initial,
  note: initialNote,
  saving,
  error,
  onSave,
}: {
  initial: Rules;
  note: string | null;
  saving: boolean;
  error: unknown;
  onSave: (rules: Rules, note: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { messageOf } = useProblemMessages();
  const word = useProjectWords();
  const [from, setFrom] = useState(initial.eligibility.from);
  const [to, setTo] = useState(initial.eligibility.to);
  const [categories, setCategories] = useState<Category[]>(initial.categories.map((c) => ({ ...c })));
  const [caps, setCaps] = useState<CapDraft[]>(
    initial.caps.map(({ bp, categories: cats, ...c }) => ({
      ...c,
      pct: bpToText(bp, i18n.language),
      categoriesText: cats.join(', '),
    })),
  );
  const [coFin, setCoFin] = useState(bpToText(initial.coFinancingMinBp, i18n.language));
  const [docTypes, setDocTypes] = useState<string[]>(initial.documentTypes);
  const [means, setMeans] = useState<string[]>(initial.paymentMeans);
  const [note, setNote] = useState(initialNote ?? '');
  const [issues, setIssues] = useState<string[]>([]);

  const setCategory = (i: number, patch: Partial<Category>) =>
    setCategories((cs) => cs.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const setCap = (i: number, patch: Partial<CapDraft>) =>
    setCaps((cs) => cs.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const toggle = (list: string[], code: string) =>
    list.includes(code) ? list.filter((c) => c !== code) : [...list, code];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: string[] = [];
    const capRules: Cap[] = caps.map((c, i) => {
      const bp = textToBp(c.pct);
      if (bp === null) found.push(t('projects.calls.editor.capPctInvalid', { n: i + 1 }));
      const { pct: _pct, categoriesText, ...rest } = c;
      void _pct;
      return {
        ...rest,
        bp: bp ?? 0,
        categories: categoriesText
          .split(/[\s,;]+/)
          .map((s) => s.trim().toUpperCase())
          .filter(Boolean),
      };
    });
    const coFinBp = coFin.trim() === '' ? 0 : textToBp(coFin);
    if (coFinBp === null) found.push(t('projects.calls.editor.coFinInvalid'));
    const candidate = {
      eligibility: { from, to },
      categories: categories.map((c) => ({
        ...c,
        code: c.code.trim().toUpperCase(),
        labelIt: c.labelIt.trim(),
        ...(c.labelEn?.trim() ? { labelEn: c.labelEn.trim() } : { labelEn: undefined }),
        ...(c.parent ? { parent: c.parent } : { parent: undefined }),
      })),
      caps: capRules,
      coFinancingMinBp: coFinBp ?? 0,
      documentTypes: docTypes,
      paymentMeans: means,
    };
    const parsed = callRulesSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) found.push(`${issue.path.join(' › ')}: ${issue.message}`);
    }
    setIssues(found);
    if (found.length === 0 && parsed.success) onSave(parsed.data, note.trim());
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="rules-editor-title">
      <h3 id="rules-editor-title" className="h5">
        {t('projects.calls.editor.title')}
      </h3>
      {issues.length > 0 && (
        <Alert kind="danger" live="alert">
          <p className="mb-1">{t('projects.calls.editor.issues')}</p>
          <ul className="mb-0">
            {issues.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </Alert>
      )}
      {error !== null && error !== undefined && (
        <Alert kind="danger" live="alert">
          {messageOf(error)}
        </Alert>
      )}
      <fieldset className="mb-4">
        <legend className="h6">{t('projects.calls.rules.eligibility')}</legend>
        <div className="row">
          <div className="col-md-6">
            <TextField
              id="rules-from"
              type="date"
              label={t('projects.calls.editor.from')}
              value={from}
              onChange={(e) => setFrom(e.target.value)}
            />
          </div>
          <div className="col-md-6">
            <TextField
              id="rules-to"
              type="date"
              label={t('projects.calls.editor.to')}
              value={to}
              onChange={(e) => setTo(e.target.value)}
            />
          </div>
        </div>
      </fieldset>

      <fieldset className="mb-4">
        <legend className="h6">{t('projects.calls.rules.categoriesCaption')}</legend>
        <div className="table-responsive">
          <table className="table table-sm align-middle">
            <thead>
              <tr>
                <th scope="col">{t('projects.calls.rules.code')}</th>
                <th scope="col">{t('projects.calls.editor.labelIt')}</th>
                <th scope="col">{t('projects.calls.editor.labelEn')}</th>
                <th scope="col">{t('projects.calls.editor.parent')}</th>
                <th scope="col">{t('projects.calls.rules.direct')}</th>
                <th scope="col">{t('projects.calls.rules.flatRate')}</th>
                <th scope="col">{t('projects.calls.rules.pettyCash')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('projects.calls.editor.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {categories.map((c, i) => (
                <tr key={i}>
                  <td>
                    <input
                      className="form-control"
                      style={{ maxWidth: '6rem' }}
                      aria-label={t('projects.calls.editor.codeOf', { n: i + 1 })}
                      value={c.code}
                      onChange={(e) => setCategory(i, { code: e.target.value.toUpperCase() })}
                    />
                  </td>
                  <td>
                    <input
                      className="form-control"
                      aria-label={t('projects.calls.editor.labelItOf', { n: i + 1 })}
                      value={c.labelIt}
                      onChange={(e) => setCategory(i, { labelIt: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      className="form-control"
                      aria-label={t('projects.calls.editor.labelEnOf', { n: i + 1 })}
                      value={c.labelEn ?? ''}
                      onChange={(e) => setCategory(i, { labelEn: e.target.value })}
                    />
                  </td>
                  <td>
                    <select
                      className="form-select"
                      aria-label={t('projects.calls.editor.parentOf', { n: i + 1 })}
                      value={c.parent ?? ''}
                      onChange={(e) => setCategory(i, { parent: e.target.value || undefined })}
                    >
                      <option value="">{t('projects.calls.editor.noParent')}</option>
                      {categories
                        .filter((o, j) => j !== i && o.code)
                        .map((o) => (
                          <option key={o.code} value={o.code}>
                            {o.code}
                          </option>
                        ))}
                    </select>
                  </td>
                  {(['direct', 'flatRate', 'pettyCash'] as const).map((flag) => (
                    <td key={flag}>
                      <input
                        type="checkbox"
                        className="form-check-input"
                        aria-label={t(`projects.calls.editor.${flag}Of`, { n: i + 1 })}
                        checked={c[flag]}
                        onChange={(e) => setCategory(i, { [flag]: e.target.checked })}
                      />
                    </td>
                  ))}
                  <td>
                    <button
                      type="button"
                      className="btn btn-link btn-sm"
                      onClick={() => setCategories((cs) => cs.filter((_, j) => j !== i))}
                    >
                      {t('projects.calls.editor.remove')}
                      <span className="visually-hidden"> {c.code}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <button
          type="button"
          className="btn btn-outline-primary btn-sm"
          onClick={() =>
            setCategories((cs) => [...cs, { code: '', labelIt: '', direct: true, flatRate: false, pettyCash: false }])
          }
        >
          {t('projects.calls.editor.addCategory')}
        </button>
      </fieldset>

      <fieldset className="mb-4">
        <legend className="h6">{t('projects.calls.rules.capsCaption')}</legend>
        <div className="table-responsive">
          <table className="table table-sm align-middle">
            <thead>
              <tr>
                <th scope="col">{t('projects.calls.editor.capLabel')}</th>
                <th scope="col">{t('projects.calls.rules.capCategories')}</th>
                <th scope="col">{t('projects.calls.editor.kind')}</th>
                <th scope="col">{t('projects.calls.editor.pct')}</th>
                <th scope="col">{t('projects.calls.editor.basis')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('projects.calls.editor.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {caps.map((c, i) => (
                <tr key={i}>
                  <td>
                    <input
                      className="form-control"
                      aria-label={t('projects.calls.editor.capLabelOf', { n: i + 1 })}
                      value={c.labelIt}
                      onChange={(e) => setCap(i, { labelIt: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      className="form-control"
                      aria-label={t('projects.calls.editor.capCategoriesOf', { n: i + 1 })}
                      value={c.categoriesText}
                      onChange={(e) => setCap(i, { categoriesText: e.target.value })}
                    />
                  </td>
                  <td>
                    <select
                      className="form-select"
                      aria-label={t('projects.calls.editor.kindOf', { n: i + 1 })}
                      value={c.kind}
                      onChange={(e) => setCap(i, { kind: e.target.value as Cap['kind'] })}
                    >
                      {(['MASSIMO', 'FORFAIT'] as const).map((k) => (
                        <option key={k} value={k}>
                          {word('capKind', k)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input
                      className="form-control"
                      style={{ maxWidth: '6rem' }}
                      inputMode="decimal"
                      aria-label={t('projects.calls.editor.pctOf', { n: i + 1 })}
                      value={c.pct}
                      onChange={(e) => setCap(i, { pct: e.target.value })}
                    />
                  </td>
                  <td>
                    <select
                      className="form-select"
                      aria-label={t('projects.calls.editor.basisOf', { n: i + 1 })}
                      value={c.basis}
                      onChange={(e) => setCap(i, { basis: e.target.value as Cap['basis'] })}
                    >
                      {(['DIRETTI', 'TOTALE'] as const).map((b) => (
                        <option key={b} value={b}>
                          {word('capBasis', b)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-link btn-sm"
                      onClick={() => setCaps((cs) => cs.filter((_, j) => j !== i))}
                    >
                      {t('projects.calls.editor.remove')}
                      <span className="visually-hidden"> {c.labelIt}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <button
          type="button"
          className="btn btn-outline-primary btn-sm"
          onClick={() =>
            setCaps((cs) => [
              ...cs,
              {
                id: `massimale-${Date.now().toString(36)}`,
                labelIt: '',
                kind: 'MASSIMO',
                basis: 'DIRETTI',
                pct: '',
                categoriesText: '',
              },
            ])
          }
        >
          {t('projects.calls.editor.addCap')}
        </button>
      </fieldset>

      <fieldset className="mb-4">
        <legend className="h6">{t('projects.calls.editor.accepted')}</legend>
        <TextField
          id="rules-cofin"
          inputMode="decimal"
          label={t('projects.calls.editor.coFinancing')}
          hint={t('projects.calls.editor.coFinancingHint')}
          value={coFin}
          onChange={(e) => setCoFin(e.target.value)}
        />
        <div className="row">
          <div className="col-md-6">
            <p className="fw-semibold mb-2" id="rules-doc-types">
              {t('projects.calls.rules.documentTypes')}
            </p>
            <div role="group" aria-labelledby="rules-doc-types">
              {[...new Set([...knownDocTypes, ...docTypes])].map((code) => (
                <div className="form-check" key={code}>
                  <input
                    id={`doc-${code}`}
                    type="checkbox"
                    className="form-check-input"
                    checked={docTypes.includes(code)}
                    onChange={() => setDocTypes((l) => toggle(l, code))}
                  />
                  <label className="form-check-label" htmlFor={`doc-${code}`}>
                    {word('docTypes', code)}
                  </label>
                </div>
              ))}
            </div>
          </div>
          <div className="col-md-6">
            <p className="fw-semibold mb-2" id="rules-means">
              {t('projects.calls.rules.paymentMeans')}
            </p>
            <div role="group" aria-labelledby="rules-means">
              {[...new Set([...knownMeans, ...means])].map((code) => (
                <div className="form-check" key={code}>
                  <input
                    id={`means-${code}`}
                    type="checkbox"
                    className="form-check-input"
                    checked={means.includes(code)}
                    onChange={() => setMeans((l) => toggle(l, code))}
                  />
                  <label className="form-check-label" htmlFor={`means-${code}`}>
                    {word('paymentMeans', code)}
                  </label>
                </div>
              ))}
            </div>
          </div>
        </div>
        <p className="small text-muted mt-2">{t('projects.calls.editor.cashHint')}</p>
      </fieldset>

      <div className="form-group mb-4">
        <label htmlFor="rules-note" className="active">
          {t('projects.calls.editor.note')}
        </label>
        <textarea
          id="rules-note"
          className="form-control"
          rows={2}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <button type="submit" className="btn btn-primary" disabled={saving}>
        {t('projects.calls.editor.save')}
      </button>
    </form>
  );
}
