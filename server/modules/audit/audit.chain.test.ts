import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestApp, type TestApp } from '../../../tests/support/harness.js';
import type { Schema } from '../../../tests/support/schema.js';
import { makeUser, TEST_PASSWORD } from '../../../tests/support/factories.js';
import { verifyAuditChain } from './audit.repo.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('audit hash chain', () => {
  it('verifies an intact chain, then names the first row an attacker with database access modified', async () => {
    const admin = await makeUser(t.db, { roles: ['amministratore'] });
    const a = new Agent(t.app);
    await a.login(admin.email, TEST_PASSWORD);
    for (const c of ['001001', '001002', '001003', '001004'])
      await a.patch(`/api/v1/comuni/${c}`, { saiNetwork: true });

    const intact = await a.get<Schema<'AuditVerification'>>('/api/v1/audit/verify');
    expect(intact.body).toMatchObject({ ok: true, firstInvalidSeq: null });
    expect(intact.body.checked).toBeGreaterThanOrEqual(5);

    const [target] = await t.db.ownerTx((tx) =>
      tx.query<{ seq: number }>(`SELECT seq FROM audit_log WHERE action = 'comune.update' AND entity_id = '001002'`),
    );
    // the attacker is a superuser who switches the append-only trigger off for the edit
    await t.db.ownerExec(`
      ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
      UPDATE audit_log SET entity_id = '009999' WHERE seq = ${target!.seq};
      ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;`);
    const broken = await a.get<Schema<'AuditVerification'>>('/api/v1/audit/verify');
    expect(broken.body).toMatchObject({ ok: false, firstInvalidSeq: target!.seq });

    // deleting a row is caught too, at the row after the gap
    await t.db.ownerExec(`
      ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
      UPDATE audit_log SET entity_id = '001002' WHERE seq = ${target!.seq};
      DELETE FROM audit_log WHERE seq = ${target!.seq + 1};
      ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;`);
    const gap = await t.db.ownerTx((tx) => verifyAuditChain(tx));
    expect(gap).toMatchObject({ ok: false, firstInvalidSeq: target!.seq + 2 });
  });
});
