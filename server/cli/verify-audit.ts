/**
 * `npm run audit:verify [-- --checkpoints <file>] [--head <seq>:<hash> …]` (decision 0019).
 *
 * Recomputes the audit hash chain, then compares it with the heads kept outside the database: the
 * signed checkpoints file (the configured one, INCAS_AUDIT_CHECKPOINT_FILE, unless --checkpoints
 * names another) and any head the operator kept by hand. Prints the current head, signed, for the
 * operator to keep elsewhere.
 *
 * Exit codes: 0 intact and consistent with every kept head; 1 the chain is broken, a kept head
 * contradicts it (truncated or rewritten) or a checkpoint line is refused (altered or forged);
 * 2 wrong arguments or an unreadable checkpoints file.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { resolveDataKey } from '../platform/crypto.js';
import { openDatabase } from '../platform/db/open.js';
import { verifyAuditTrail, type KeptHead } from '../modules/audit/index.js';

const USAGE = `Usage: npm run audit:verify -- [--checkpoints <file>] [--head <seq>:<hash>]...
  --checkpoints <file>  signed checkpoints (JSON lines) to compare with; default INCAS_AUDIT_CHECKPOINT_FILE
                        (<INCAS_DATA_DIR>/audit-checkpoints.jsonl), skipped with a warning if it does not exist
  --head <seq>:<hash>   a head kept by hand (from an earlier "Head:" line); may be repeated`;

function usage(problem: string): never {
  console.error(`${problem}\n${USAGE}`);
  process.exit(2);
}

let args: { checkpoints?: string; head?: string[]; help?: boolean };
try {
  args = parseArgs({
    options: {
      checkpoints: { type: 'string' },
      head: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  }).values;
} catch (err) {
  usage((err as Error).message);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const heads: KeptHead[] = (args.head ?? []).map((h) => {
  const m = /^(\d+):([0-9a-f]{64})$/.exec(h.trim().toLowerCase());
  if (!m || Number(m[1]) < 1) usage(`--head ${h}: expected <seq>:<hash>, e.g. 1234:<64 hex digits>`);
  return { seq: Number(m[1]), hash: m[2]!, source: `--head ${m[1]}` };
});
const config = loadConfig();
if (args.checkpoints !== undefined && !existsSync(args.checkpoints))
  usage(`--checkpoints ${args.checkpoints}: no such file`);
const checkpointFile = args.checkpoints ?? config.auditCheckpointFile;

const db = await openDatabase(config);
try {
  const r = await verifyAuditTrail(db, { dataKey: resolveDataKey(config), checkpointFile, heads, now: new Date() });

  if (r.chain.ok) console.log(`Hash chain consistent: ${r.chain.checked} rows verified.`);
  else console.error(`Hash chain BROKEN at seq ${r.chain.firstInvalidSeq} (${r.chain.checked} rows checked).`);

  if (r.file && !r.file.found) {
    console.warn(
      `WARNING: no checkpoints file at ${r.file.path}: a cut tail or a re-chained trail cannot be detected ` +
        `without a head kept outside the database (README, "Keeping the audit head outside the database").`,
    );
  } else if (r.file) {
    const latest = r.file.latest ? `; latest: seq ${r.file.latest.seq} at ${r.file.latest.at}` : '';
    console.log(`Checkpoints: ${r.file.checkpoints} signed in ${r.file.path}${latest}.`);
    for (const x of r.file.refused) console.error(`REFUSED ${r.file.path} line ${x.line}: ${x.reason}.`);
  }
  for (const c of r.contradictions) console.error(`${c.kind.toUpperCase()}: ${c.message}. Kept head: ${c.source}.`);
  if (r.keptHeads && !r.contradictions.length) console.log(`Kept heads: ${r.keptHeads} compared, all match the chain.`);

  if (r.head) {
    console.log(
      `Head: seq ${r.head.seq}, hash ${r.head.hash}, rows ${r.head.rows}, at ${r.head.at}, signed ${r.head.sig}`,
    );
    console.log(
      r.ok
        ? `  keep it outside the database; to check later: npm run audit:verify -- --head ${r.head.seq}:${r.head.hash}`
        : '  do not keep this head: the check below failed, so the chain it seals is not the genuine one',
    );
  } else {
    console.log('Head: the audit trail is empty.');
  }
  if (r.ok) {
    console.log('Result: OK.');
  } else {
    console.error('Result: FAILED — the audit trail was altered, cut or rewritten, or a checkpoint is not genuine.');
    process.exitCode = 1;
  }
} finally {
  await db.close();
}
