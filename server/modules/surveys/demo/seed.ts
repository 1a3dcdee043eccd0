/**
 * Demo data of the national surveys (demo mode only): the 2021 census and the 2024 survey with
 * their published questionnaires, imported from the XLSForm files in forms/ as an author would
 * upload them; the 2021 wave closed over all Comuni, the 2024 wave open over the Comuni above
 * 15,000 inhabitants, each Comune's state, answers, history, flags and corrections (plan.ts);
 * fictitious contacts for every Comune; and the demo accounts of the surveys: ANCI's survey
 * office, a compiler and a validator of Saluzzo (filling in the 2024 questionnaire) and a
 * validator of Vittoria (returned for correction, with flags).
 *
 * Written once, as the owner, in one transaction of multi-row INSERTs; a second run finds the
 * 2021 survey and does nothing. The demo module lists every demo account at later starts, so the
 * accounts are returned only when they are made.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database, Queryable } from '../../../platform/db/db.js';
import { bulkLoadMode, insertMany, type BulkRow } from '../../../platform/db/insert-many.js';
import type { DemoAccount, PrepareDeps } from '../../../platform/module.js';
import { createUploadReader } from '../../../platform/upload/index.js';
import { hashPassword, insertUser, replaceUserRoles } from '../../access/index.js';
import type { Form } from '../shared/form/model.js';
import { countQuestions } from '../shared/form/xlsform-export.js';
import { readXlsForm } from '../shared/form/xlsform-import.js';
import type { DemoComune } from './answers.js';
import { comuneSlug } from './answers.js';
import { demoFormFiles, demoFormsDir } from './forms/index.js';
import {
  CENSUS_2021,
  SALUZZO,
  VITTORIA,
  planCensus2021,
  planSurvey2024,
  respondentOf,
  type PlannedResponse,
} from './plan.js';

const DOMAIN = 'demo.incas.local';
export const CENSUS_CODE = 'abitazioni-agroalimentare';
export const SURVEY_CODE = 'governance-sfruttamento';
/** Comuni above this population are the 2024 universe */
export const SURVEY_2024_THRESHOLD = 15_000;

export interface SurveysSeedResult {
  created: boolean;
  ms: number;
  accounts: DemoAccount[];
  counts: Record<string, number>;
  /** milliseconds per step, for the record */
  phases: Record<string, number>;
}

type Row = BulkRow;

/**
 * The demo's own files are read with the upload reader's bounds except its time limit, which is
 * there for a stranger's file: two instances starting at once on a busy machine took over its 15 s
 * and the start failed. A bound stays, against a hang.
 */
const demoFormReader = createUploadReader({ parseMs: 10 * 60_000 });

/** A demo questionnaire read from its XLSForm file and imported (it must import without errors). */
export async function importDemoForm(file: string): Promise<{ form: Form; warnings: unknown[] }> {
  const result = await readXlsForm(await readFile(join(demoFormsDir(), file)), { reader: demoFormReader });
  if (!result.ok) throw new Error(`demo questionnaire ${file} does not import: ${JSON.stringify(result.errors[0])}`);
  return { form: result.form, warnings: result.warnings };
}

type DemoForms = Record<(typeof demoFormFiles)[number]['key'], { form: Form; warnings: unknown[]; file: string }>;

async function importDemoForms(): Promise<DemoForms> {
  const entries = await Promise.all(
    demoFormFiles.map(async (f) => [f.key, { ...(await importDemoForm(f.file)), file: f.file }] as const),
  );
  return Object.fromEntries(entries) as DemoForms;
}

/** The registry's Comuni, as the plan needs them. */
export async function loadDemoComuni(tx: Queryable): Promise<Array<DemoComune & { populationMonth: string }>> {
  const rows = await tx.query<{
    istat_code: string;
    name: string;
    codice_catastale: string | null;
    province_code: string;
    region_code: string;
    population: number;
    population_month: string;
  }>(
    `SELECT istat_code, name, codice_catastale, province_code, region_code, population, population_month
       FROM comuni ORDER BY istat_code`,
  );
  return rows.map((r) => ({
    istat: r.istat_code,
    name: r.name,
    catastale: r.codice_catastale,
    province: r.province_code,
    region: r.region_code,
    population: r.population,
    populationMonth: r.population_month,
  }));
}

const ROLE_WORDS: Record<string, string> = {
  sindaco: 'Sindaco',
  assessore: 'Assessore',
  dirigente: 'Dirigente / Funzionario',
  polizia_locale: 'Polizia Locale',
  servizi_sociali: 'Servizi Sociali',
  altro: 'Altro',
};

export async function seedSurveysDemo(
  deps: Pick<PrepareDeps, 'db'> & { password: string; today?: Date },
): Promise<DemoAccount[]> {
  const { accounts } = await seedSurveysDemoData(deps.db, deps.password, deps.today ?? new Date());
  // on a database whose demo accounts were made before, the demo module lists them all, these included
  const listed = await deps.db.ownerTx((tx) =>
    tx.query('SELECT 1 FROM users WHERE email = $1 AND is_demo', [`admin@${DOMAIN}`]),
  );
  return listed.length > 0 ? [] : accounts;
}

export async function seedSurveysDemoData(db: Database, password: string, today: Date): Promise<SurveysSeedResult> {
  const t0 = performance.now();
  const phases: Record<string, number> = {};
  let mark = t0;
  const phase = (name: string) => {
    const now = performance.now();
    phases[name] = Math.round(now - mark);
    mark = now;
  };
  const done = await db.ownerTx((tx) => tx.query('SELECT 1 FROM survey_surveys WHERE code = $1', [CENSUS_CODE]));
  if (done.length > 0)
    return { created: false, ms: Math.round(performance.now() - t0), accounts: [], counts: {}, phases };

  // the questionnaires are read in the upload reader's worker while the database work goes on
  const formsReady = importDemoForms();
  formsReady.catch(() => undefined);
  const hash = await hashPassword(password);
  phase('hash');

  return db.ownerTx(async (tx) => {
    const comuni = await loadDemoComuni(tx);
    const census = planCensus2021(comuni);
    const universe2024 = comuni.filter((c) => c.population > SURVEY_2024_THRESHOLD);
    const survey = planSurvey2024(universe2024, today);
    const populationMonth = universe2024[0]?.populationMonth ?? null;
    phase('plan');
    await bulkLoadMode(tx);

    // ── accounts ──
    const accounts: Array<DemoAccount & { organisation: string }> = [];
    const org = async (type: string, name: string, comune: string | null): Promise<string> => {
      if (comune) {
        const [found] = await tx.query<{ id: string }>(
          `SELECT id FROM organisations WHERE type = 'comune' AND comune_istat = $1`,
          [comune],
        );
        if (found) return found.id;
      }
      const [row] = await tx.query<{ id: string }>(
        `INSERT INTO organisations (type, name, comune_istat) VALUES ($1, $2, $3) RETURNING id`,
        [type, name, comune],
      );
      return row!.id;
    };
    const user = async (
      local: string,
      displayName: string,
      organisationId: string,
      organisation: string,
      roles: string[],
    ) => {
      const email = `${local}@${DOMAIN}`;
      const id = await insertUser(tx, {
        email,
        displayName,
        organisationId,
        passwordHash: hash,
        isDemo: true,
        now: today,
      });
      await replaceUserRoles(tx, id, roles);
      accounts.push({ email, roles, organisation });
      return id;
    };
    const anciName = 'ANCI – Ufficio indagini nazionali (demo)';
    const reviewer = await user(
      'indagini.anci',
      'Ufficio Indagini Demo ANCI',
      await org('anci', anciName, null),
      anciName,
      ['assistenza_tecnica'],
    );
    const name = (istat: string) => comuni.find((c) => c.istat === istat)!.name;
    const saluzzoName = `Comune di ${name(SALUZZO)} (demo)`;
    const saluzzo = await org('comune', saluzzoName, SALUZZO);
    const compiler = await user('compilatore.saluzzo', `Compilatrice Demo ${name(SALUZZO)}`, saluzzo, saluzzoName, [
      'compilatore_indagine',
    ]);
    await user('validatore.saluzzo', `Validatore Demo ${name(SALUZZO)}`, saluzzo, saluzzoName, ['validatore_indagine']);
    const vittoriaName = `Comune di ${name(VITTORIA)} (demo)`;
    const vittoria = await org('comune', vittoriaName, VITTORIA);
    await user('validatore.vittoria', `Validatrice Demo ${name(VITTORIA)}`, vittoria, vittoriaName, [
      'validatore_indagine',
    ]);

    // ── contacts: the Comune's office and certified mail, and whoever answered ──
    const contacts = new Map<string, Row>();
    const contact = (istat: string, kind: string, email: string, person?: { name: string; role: string }) => {
      const key = `${istat}|${kind}|${email}`;
      if (contacts.has(key)) return;
      contacts.set(key, {
        id: null,
        comune_istat: istat,
        kind,
        email,
        person_name: person?.name ?? null,
        person_role: person ? (ROLE_WORDS[person.role] ?? null) : null,
        created_at: '2021-09-15T09:00:00Z',
        updated_at: '2021-09-15T09:00:00Z',
      });
    };
    const large = new Set(universe2024.map((c) => c.istat));
    for (const c of comuni) {
      const s = comuneSlug(c.name);
      contact(c.istat, 'email_istituzionale', `protocollo@${s}.comuni.example.it`);
      // certified mail kept for the larger Comuni of the open wave
      if (large.has(c.istat)) contact(c.istat, 'pec', `comune.${s}@pec.example.it`);
    }
    for (const r of [...census.responses, ...survey.responses]) {
      const who = respondentOf(r);
      if (who) contact(r.comune.istat, 'referente', who.email, who);
    }
    await insertMany(
      tx,
      'survey_contacts',
      [...contacts.values()].map((c) => ({ ...c, id: randomUUID() })),
    );

    phase('contacts');
    const forms = await formsReady;
    phase('import');

    // ── surveys, published versions, waves ──
    const census2021Id = randomUUID();
    const survey2024Id = randomUUID();
    const censusVersion = randomUUID();
    const surveyVersion = randomUUID();
    const censusWave = randomUUID();
    const surveyWave = randomUUID();
    const f21 = forms.census2021;
    const f24 = forms.survey2024;
    await insertMany(tx, 'survey_surveys', [
      {
        id: census2021Id,
        code: CENSUS_CODE,
        title_it: f21.form.title.it,
        title_en: f21.form.title.en,
        description_it:
          'Censimento nazionale di tutti i Comuni sulle condizioni abitative dei lavoratori stranieri del settore agro-alimentare (ANCI – Ministero del Lavoro, 2021).',
        created_by: reviewer,
        created_at: '2021-09-01T09:00:00Z',
      },
      {
        id: survey2024Id,
        code: SURVEY_CODE,
        title_it: f24.form.title.it,
        title_en: f24.form.title.en,
        description_it:
          'Indagine sui servizi, i progetti e gli strumenti di governance dei Comuni sopra i 15.000 abitanti per la prevenzione e il contrasto dello sfruttamento lavorativo.',
        created_by: reviewer,
        created_at: '2024-04-15T09:00:00Z',
      },
    ]);
    const surveyCreated = new Date(Date.parse(`${survey.opensOn}T08:00:00Z`) - 20 * 86_400_000).toISOString();
    await insertMany(tx, 'survey_form_versions', [
      {
        id: censusVersion,
        survey_id: census2021Id,
        version_no: 1,
        form: f21.form,
        import_report: f21.warnings,
        source_filename: f21.file,
        question_count: countQuestions(f21.form),
        created_by: reviewer,
        created_at: '2021-09-10T09:00:00Z',
        published_by: reviewer,
        published_at: '2021-09-20T09:00:00Z',
      },
      {
        id: surveyVersion,
        survey_id: survey2024Id,
        version_no: 1,
        form: f24.form,
        import_report: f24.warnings,
        source_filename: f24.file,
        question_count: countQuestions(f24.form),
        created_by: reviewer,
        created_at: surveyCreated,
        published_by: reviewer,
        published_at: surveyCreated,
      },
    ]);
    await insertMany(tx, 'survey_waves', [
      {
        id: censusWave,
        survey_id: census2021Id,
        form_version_id: censusVersion,
        title_it: 'Censimento 2021',
        title_en: '2021 census',
        universe_rule: { kind: 'all' },
        reference_month: null,
        opens_on: CENSUS_2021.opensOn,
        closes_on: CENSUS_2021.closesOn,
        reminder_days: CENSUS_2021.reminderDays,
        status: 'chiusa',
        universe_count: census.responses.length,
        launched_by: reviewer,
        launched_at: `${CENSUS_2021.opensOn}T07:30:00Z`,
        closed_at: CENSUS_2021.closedAt.toISOString(),
        created_by: reviewer,
        created_at: '2021-09-20T10:00:00Z',
        row_version: 3,
      },
      {
        id: surveyWave,
        survey_id: survey2024Id,
        form_version_id: surveyVersion,
        title_it: 'Rilevazione 2024 – Comuni sopra i 15.000 abitanti',
        title_en: '2024 survey – Comuni above 15,000 inhabitants',
        // the waves' universe rule (shared/universe.ts): population > 15,000
        universe_rule: {
          kind: 'filter',
          population: { min: SURVEY_2024_THRESHOLD, minExclusive: true, maxExclusive: false },
        },
        reference_month: populationMonth,
        opens_on: survey.opensOn,
        closes_on: survey.closesOn,
        reminder_days: [7, 14, 28],
        status: 'aperta',
        universe_count: survey.responses.length,
        launched_by: reviewer,
        launched_at: `${survey.opensOn}T07:30:00Z`,
        closed_at: null,
        created_by: reviewer,
        created_at: surveyCreated,
        row_version: 2,
      },
    ]);

    // ── each Comune's part of each wave ──
    const waveComuni: Row[] = [];
    const responses: Row[] = [];
    const events: Row[] = [];
    const flags: Row[] = [];
    const changes: Row[] = [];
    const iso = (d: Date | null) => (d ? d.toISOString() : null);
    const write = (waveId: string, list: readonly PlannedResponse[]) => {
      for (const r of list) {
        const istat = r.comune.istat;
        // the demo compiler of Saluzzo saved its answers; other Comuni answered through their personal link
        const byUser = istat === SALUZZO ? compiler : null;
        waveComuni.push({
          id: r.id,
          wave_id: waveId,
          comune_istat: istat,
          status: r.status,
          invited_at: iso(r.invitedAt),
          opened_at: iso(r.openedAt),
          started_at: iso(r.startedAt),
          submitted_at: iso(r.submittedAt),
          validated_at: iso(r.validatedAt),
          reminders_sent: r.remindersSent,
          review_round: r.reviewRound,
          status_changed_at: iso(r.statusChangedAt),
        });
        responses.push({
          id: r.id,
          comune_istat: istat,
          answers: r.answers,
          answer_versions: r.answerVersions,
          row_version: r.rowVersion,
          updated_by: r.updatedAt ? byUser : null,
          updated_at: iso(r.updatedAt),
        });
        for (const e of r.events) {
          events.push({
            id: randomUUID(),
            response_id: r.id,
            comune_istat: istat,
            from_status: e.from,
            to_status: e.to,
            note: e.note ?? null,
            actor_user_id: e.byReviewer ? reviewer : e.to === 'invitato' || e.to === 'sollecitato' ? null : byUser,
            at: iso(e.at),
          });
        }
        for (const f of r.flags) {
          flags.push({
            id: randomUUID(),
            response_id: r.id,
            comune_istat: istat,
            question: f.question,
            reason: f.reason,
            review_round: f.reviewRound,
            created_by: reviewer,
            created_at: iso(f.createdAt),
            resolved_at: iso(f.resolvedAt),
          });
        }
        for (const c of r.changes) {
          changes.push({
            id: randomUUID(),
            response_id: r.id,
            comune_istat: istat,
            question: c.question,
            old_value: c.oldValue,
            new_value: c.newValue,
            changed_by: byUser,
            changed_at: iso(c.changedAt),
            review_round: c.reviewRound,
          });
        }
      }
    };
    write(censusWave, census.responses);
    write(surveyWave, survey.responses);
    phase('surveys');
    await insertMany(tx, 'survey_wave_comuni', waveComuni);
    phase('wave_comuni');
    await insertMany(tx, 'survey_responses', responses);
    // the bulk load skips triggers (bulkLoadMode): the answers' projection for the maps and
    // cross-tabs (decision 0046) is filled here, in one pass, as its triggers would have
    await tx.query(
      'SELECT survey_answer_values_sync(ARRAY(SELECT id FROM survey_wave_comuni WHERE wave_id = ANY($1::uuid[])))',
      [[censusWave, surveyWave]],
    );
    phase('responses');
    await insertMany(tx, 'survey_response_events', events);
    phase('events');
    await insertMany(tx, 'survey_flags', flags);
    await insertMany(tx, 'survey_answer_changes', changes);

    const counts = {
      wave2021: census.responses.length,
      wave2024: survey.responses.length,
      responses: responses.length,
      events: events.length,
      flags: flags.length,
      changes: changes.length,
      contacts: contacts.size,
    };
    return { created: true, ms: Math.round(performance.now() - t0), accounts, counts, phases };
  });
}
