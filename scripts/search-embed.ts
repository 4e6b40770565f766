// `npm run search:embed [-- --rebuild]`: embeds every passage of DATABASE_URL that has no vectors for
// meaning-based search (after an upgrade, a restore of an old backup, or a failed background run);
// `--rebuild` forgets every vector first and embeds all passages again (a new model). Safe while the
// server runs: each passage is stored in its own short write transaction.
import './load-env';
import { env } from '@/lib/env';
import { closeWriters, databaseLabel, databaseTarget, migrateAt } from '@/lib/db';
import { embedPending } from '@/lib/search/vectors/embed-pending';
import { EMBEDDING_MODEL } from '@/lib/search/vectors/model';
import { progressBar } from './embed-progress';
import { maintenanceFlags } from './maintenance-flags';

const { rebuild } = maintenanceFlags('search:embed');

// Either engine: the target is SQLite's file or PostgreSQL's address; logs name it without a password.
const target = databaseTarget(env.DATABASE_URL);
await migrateAt(env.DATABASE_URL);
const started = Date.now();
try {
  const report = await embedPending(target, { rebuild, onProgress: progressBar('Embedding') });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`${databaseLabel(env.DATABASE_URL)}: embedded ${report.passages} passages (${report.chunks} chunks) with ${EMBEDDING_MODEL} in ${seconds} s.`);
} finally {
  closeWriters();
}
