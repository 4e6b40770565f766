// How the operations commands (backup, restore) end: 0 when `run` succeeds; when lib/ops refuses (an
// OpsError: a check failed, nothing was changed), its message on stderr and exit code 1; anything
// else is a bug and propagates with its stack.
import { OpsError } from '@/lib/ops/files';

export async function exitCodeOf(command: string, run: () => Promise<void>, refusedSuffix = ''): Promise<number> {
  try {
    await run();
    return 0;
  } catch (error) {
    if (!(error instanceof OpsError)) throw error;
    console.error(`${command}: ${error.message}${refusedSuffix}`);
    return 1;
  }
}

/** Row counts as one line: "Document 2, Passage 31, …". */
export const countsLine = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([table, n]) => `${table} ${n}`)
    .join(', ');
