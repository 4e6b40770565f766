// `npm run test:crash -- [--kills N] [--writers W]`: the long crash test. Makes a fresh seeded
// database in a temporary folder, runs scripts/crash-harness.ts against it, and prints a summary.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createPrismaClient, migrateDatabase } from '@/lib/db';
import { seedArchive } from '@/seed/seed-archive';
import { runCrashTest } from './crash-harness';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { kills: { type: 'string', default: '500' }, writers: { type: 'string', default: '2' } },
});
const kills = Number(values.kills);
const writers = Number(values.writers);
if (!Number.isInteger(kills) || kills < 1 || !Number.isInteger(writers) || writers < 1) {
  console.error('Usage: npm run test:crash -- [--kills N] [--writers W]   (N, W whole numbers of at least 1)');
  process.exit(2);
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'archive-crash-'));
const file = path.join(dir, 'archive.db');
migrateDatabase(file);
const prisma = createPrismaClient(`file:${file}`);
await seedArchive(prisma);
await prisma.$disconnect();

const started = Date.now();
const report = await runCrashTest({
  file,
  kills,
  writers,
  onKill: (done, acks) => {
    if (done % 25 === 0 || done === kills) console.log(`${done} kills, ${acks} acknowledged saves so far (${Math.round((Date.now() - started) / 1000)} s)`);
  },
});
if (report.problems.length === 0) {
  console.log(`${report.kills} kills survived, ${report.acks.length} acknowledged saves, all present; integrity_check and the FTS5 checks pass.`);
  rmSync(dir, { recursive: true, force: true });
} else {
  console.error(`FAILED after ${report.kills} kills and ${report.acks.length} acknowledged saves (database kept at ${file}):`);
  for (const problem of report.problems.slice(0, 50)) console.error(`  ${problem}`);
  process.exitCode = 1;
}
