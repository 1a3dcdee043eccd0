/** `npm run audit:verify`: recomputes the audit hash chain; exit code 1 names the first tampered row. */
import { loadConfig } from '../config.js';
import { openDatabase } from '../platform/db/open.js';
import { verifyAuditChain } from '../modules/audit/index.js';

const config = loadConfig();
const db = await openDatabase(config);
try {
  const result = await db.ownerTx((tx) => verifyAuditChain(tx));
  if (result.ok) {
    console.log(`Audit chain intact: ${result.checked} rows verified.`);
  } else {
    console.error(`Audit chain BROKEN at seq ${result.firstInvalidSeq} (${result.checked} rows checked).`);
    process.exitCode = 1;
  }
} finally {
  await db.close();
}
