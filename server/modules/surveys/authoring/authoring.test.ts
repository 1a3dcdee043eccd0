/**
 * Authoring of the national surveys through the API: a survey is created, XLSForms become draft
 * versions (or are refused with every issue at its sheet, row and column, writing nothing), a
 * draft is published once and then never changes, each version lists what changed, and the
 * XLSForm downloaded uploads back to the same questionnaire.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import { auditRows, makeUser, TEST_PASSWORD } from '../../../../tests/support/factories.js';
import type { Schema } from '../../../../tests/support/schema.js';
import { smallSurvey, xlsForm } from '../../../../tests/support/xlsform.js';
import type { Role } from '../../../platform/policy.js';

type Survey = Schema<'Survey'>;
type SurveyDetail = Schema<'SurveyDetail'>;
type Version = Schema<'SurveyVersion'>;
type Problem = Schema<'Problem'>;
/** an upload's answer: the version, or a problem */
type Uploaded = Version & { code?: string; context?: unknown };

const b64 = (b: Buffer) => b.toString('base64');
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

let t: TestApp;
let author: Agent;
let n = 0;
const code = () => `indagine-${++n}-${Date.now().toString(36)}`;

async function agentFor(role: Role): Promise<Agent> {
  const u = await makeUser(t.db, { roles: [role] });
  const a = new Agent(t.app);
  expect((await a.login(u.email, TEST_PASSWORD)).status).toBe(200);
  return a;
}

async function counts() {
  return t.db.ownerTx(async (tx) => {
    const [r] = await tx.query<{ surveys: number; versions: number; audit: number }>(
      `SELECT (SELECT count(*)::int FROM survey_surveys) AS surveys,
              (SELECT count(*)::int FROM survey_form_versions) AS versions,
              (SELECT count(*)::int FROM audit_log) AS audit`,
    );
    return r!;
  });
}

async function newSurvey(): Promise<Survey> {
  const res = await author.post<Survey>('/api/v1/surveys', { code: code(), titleIt: 'Insediamenti informali' });
  expect(res.status).toBe(201);
  return res.body;
}

async function upload(surveyId: string, bytes: Buffer, filename = 'questionario.xlsx') {
  return author.post<Uploaded>(`/api/v1/surveys/${surveyId}/versions`, {
    filename,
    contentBase64: b64(bytes),
  });
}

beforeAll(async () => {
  t = await startTestApp();
  author = await agentFor('assistenza_tecnica');
});
afterAll(async () => t.close());

describe('surveys', () => {
  it('are created by ANCI/Cittalia, once per code, audited, and listed with their counts', async () => {
    const c = code();
    const res = await author.post<Survey>('/api/v1/surveys', {
      code: c,
      titleIt: 'Abitazioni dei lavoratori agricoli',
      titleEn: 'Housing of farm workers',
      descriptionIt: 'Rilevazione annuale',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      code: c,
      titleEn: 'Housing of farm workers',
      versionCount: 0,
      latestPublishedNo: null,
      waveCount: 0,
    });
    expect(await auditRows(t.db, "action = 'surveys.survey.create' AND entity_id = $1", [res.body.id])).toHaveLength(1);

    const dup = await author.post<Problem>('/api/v1/surveys', { code: c, titleIt: 'Altra' });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('surveys.survey.code_taken');

    const bad = await author.post<Problem>('/api/v1/surveys', { code: 'Con Spazi', titleIt: 'x' });
    expect(bad.status).toBe(400);

    const list = await author.get<{ items: Survey[] }>('/api/v1/surveys');
    expect(list.status).toBe(200);
    expect(list.body.items.find((s) => s.id === res.body.id)).toMatchObject({ versionCount: 0 });
  });

  it('are read by MLPS, a Regione and the administrator, written only by ANCI/Cittalia', async () => {
    const s = await newSurvey();
    for (const role of ['mlps', 'regione', 'amministratore'] as const) {
      const a = await agentFor(role);
      expect((await a.get(`/api/v1/surveys`)).status, role).toBe(200);
      expect((await a.get(`/api/v1/surveys/${s.id}`)).status, role).toBe(200);
      expect((await a.post('/api/v1/surveys', { code: code(), titleIt: 'x' })).status, role).toBe(403);
      const up = await a.post(`/api/v1/surveys/${s.id}/versions`, {
        filename: 'q.xlsx',
        contentBase64: b64(await xlsForm()),
      });
      expect(up.status, role).toBe(403);
    }
    for (const role of ['referente_comunale', 'compilatore_indagine', 'operatore'] as const) {
      const a = await agentFor(role);
      expect((await a.get(`/api/v1/surveys`)).status, role).toBe(403);
      expect((await a.get(`/api/v1/surveys/${s.id}`)).status, role).toBe(403);
    }
    const v = await upload(s.id, await xlsForm());
    const mlps = await agentFor('mlps');
    expect((await mlps.get(`/api/v1/surveys/versions/${v.body.id}`)).status).toBe(200);
    expect((await mlps.get(`/api/v1/surveys/versions/${v.body.id}/xlsform`)).status).toBe(200);
    expect((await mlps.post(`/api/v1/surveys/versions/${v.body.id}/publish`)).status).toBe(403);
    const comune = await agentFor('compilatore_indagine');
    expect((await comune.get(`/api/v1/surveys/versions/${v.body.id}`)).status).toBe(403);
  });

  it('unknown ids are 404', async () => {
    expect((await author.get<Problem>(`/api/v1/surveys/${UNKNOWN}`)).body.code).toBe('surveys.survey.not_found');
    const up = await upload(UNKNOWN, await xlsForm());
    expect([up.status, up.body.code]).toEqual([404, 'surveys.survey.not_found']);
    for (const url of [`/api/v1/surveys/versions/${UNKNOWN}`, `/api/v1/surveys/versions/${UNKNOWN}/xlsform`]) {
      const r = await author.get<Problem>(url);
      expect([r.status, r.body.code]).toEqual([404, 'surveys.version.not_found']);
    }
    const p = await author.post<Problem>(`/api/v1/surveys/versions/${UNKNOWN}/publish`);
    expect([p.status, p.body.code]).toEqual([404, 'surveys.version.not_found']);
    expect((await author.get<Problem>('/api/v1/surveys/not-a-uuid')).status).toBe(400);
  });
});

describe('an XLSForm upload', () => {
  it('becomes a draft version with its form, question count and warnings; audited', async () => {
    const s = await newSurvey();
    const withGeo = [...smallSurvey, ['geopoint', 'posizione', 'Posizione', 'Position']];
    const res = await upload(s.id, await xlsForm({ survey: withGeo }), 'insediamenti.xlsx');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      surveyId: s.id,
      status: 'draft',
      versionNo: null,
      questionCount: 6,
      sourceFilename: 'insediamenti.xlsx',
      publishedAt: null,
      changes: { previousVersionNo: null, items: [] },
    });
    expect(res.body.form).toMatchObject({ id: 'insediamenti', modelVersion: 1 });
    expect(res.body.report.warnings).toMatchObject([{ code: 'xlsform.left_out', sheet: 'survey', row: 12 }]);
    expect(res.body.report.warnings[0]!.message).toMatch(/\w/);
    expect(res.body.report.warnings[0]!.messageEn).toMatch(/\w/);
    const audit = await auditRows(t.db, "action = 'surveys.version.import' AND entity_id = $1", [res.body.id]);
    expect(audit).toHaveLength(1);

    const detail = await author.get<SurveyDetail>(`/api/v1/surveys/${s.id}`);
    expect(detail.body.versions).toMatchObject([{ id: res.body.id, status: 'draft', changeSummary: null }]);
    expect(detail.body.versionCount).toBe(1);
  });

  it('with errors is refused with each issue at its sheet, row and column, writing nothing', async () => {
    const s = await newSurvey();
    const broken = smallSurvey.map((row) => [...row]);
    broken[3]![8] = '. >= 0 and'; // lavoratori: a constraint that does not parse
    broken[9]![1] = 'ufficio'; // localita: the name of another question
    const before = await counts();
    const res = await upload(s.id, await xlsForm({ survey: broken }));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('surveys.xlsform.invalid');
    const issues = (res.body.context as { issues: Schema<'XlsFormIssue'>[] }).issues;
    expect(issues.length).toBeGreaterThanOrEqual(2);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: 'survey', row: 4, column: 'constraint' }),
        expect.objectContaining({ sheet: 'survey', row: 10 }),
      ]),
    );
    for (const i of issues) {
      expect(i.message).toMatch(/\w/);
      expect(i.messageEn).toMatch(/\w/);
    }
    expect(await counts()).toEqual(before);
  });

  it('that is not an XLSX, or not base64, is refused, writing nothing', async () => {
    const s = await newSurvey();
    const before = await counts();
    const csv = await upload(s.id, Buffer.from('type;name\ntext;q\n'), 'q.csv');
    expect([csv.status, csv.body.code]).toEqual([400, 'upload.unreadable']);
    const notB64 = await author.post<Problem>(`/api/v1/surveys/${s.id}/versions`, {
      filename: 'q.xlsx',
      contentBase64: '*** not base64 ***',
    });
    expect(notB64.status).toBe(400);
    expect(notB64.body.code).toBe('request.invalid');
    const noSurvey = await upload(s.id, await xlsForm({ survey: [['name'], ['x']] }));
    expect(noSurvey.status).toBe(400);
    expect(noSurvey.body.code).toBe('surveys.xlsform.invalid');
    expect(await counts()).toEqual(before);
  });

  it('downloads as an XLSForm that uploads back to the same questionnaire', async () => {
    const s = await newSurvey();
    const first = await upload(s.id, await xlsForm());
    const file = await author.get(`/api/v1/surveys/versions/${first.body.id}/xlsform`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    expect(file.headers['content-disposition']).toBe(`attachment; filename="${s.code}-bozza.xlsx"`);
    const again = await upload(s.id, file.raw.rawPayload, 'ricaricato.xlsx');
    expect(again.status).toBe(201);
    expect(again.body.form).toEqual(first.body.form);
    expect(again.body.report.warnings).toEqual([]);
  });
});

describe('publication', () => {
  it('numbers versions in order, freezes them, and lists what changed from the previous one', async () => {
    const s = await newSurvey();
    const v1 = await upload(s.id, await xlsForm());
    t.clock.advance(1000);
    const pub = await author.post<Version>(`/api/v1/surveys/versions/${v1.body.id}/publish`);
    expect(pub.status).toBe(200);
    expect(pub.body).toMatchObject({ status: 'published', versionNo: 1 });
    expect(pub.body.publishedAt).not.toBeNull();
    expect(await auditRows(t.db, "action = 'surveys.version.publish' AND entity_id = $1", [v1.body.id])).toHaveLength(
      1,
    );

    const twice = await author.post<Problem>(`/api/v1/surveys/versions/${v1.body.id}/publish`);
    expect([twice.status, twice.body.code]).toEqual([409, 'surveys.version.published']);

    // a second version: one question added, one relabelled
    const changed = smallSurvey.map((row) => [...row]);
    changed[2]![2] = 'Ufficio comunale referente';
    changed.splice(3, 0, ['text', 'telefono', 'Telefono', 'Phone']);
    const v2 = await upload(s.id, await xlsForm({ survey: changed }));
    expect(v2.body.changes.previousVersionNo).toBe(1);
    expect(v2.body.changes.items.map((c) => c.kind).sort()).toEqual(['question.added', 'question.relabelled']);
    expect(v2.body.changes.items.every((c) => c.it.length > 0 && c.en.length > 0)).toBe(true);
    expect(v2.body.changes.summary?.it).toMatch(/aggiunt/);
    const p2 = await author.post<Version>(`/api/v1/surveys/versions/${v2.body.id}/publish`);
    expect(p2.body.versionNo).toBe(2);

    const detail = await author.get<SurveyDetail>(`/api/v1/surveys/${s.id}`);
    expect(detail.body.latestPublishedNo).toBe(2);
    expect(detail.body.versions.map((v) => [v.versionNo, v.changeSummary === null])).toEqual([
      [2, false],
      [1, true],
    ]);

    // the database refuses any change to a published version
    await expect(
      t.db.ownerTx((tx) =>
        tx.query("UPDATE survey_form_versions SET source_filename = 'x' WHERE id = $1", [v1.body.id]),
      ),
    ).rejects.toThrow(/cannot change/);
  });

  it('refuses a draft older than a version published after it', async () => {
    const s = await newSurvey();
    const old = await upload(s.id, await xlsForm());
    t.clock.advance(1000);
    const newer = await upload(s.id, await xlsForm());
    expect((await author.post(`/api/v1/surveys/versions/${newer.body.id}/publish`)).status).toBe(200);
    const res = await author.post<Problem>(`/api/v1/surveys/versions/${old.body.id}/publish`);
    expect([res.status, res.body.code]).toEqual([409, 'surveys.version.published']);
  });
});
