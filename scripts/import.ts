// `npm run import -- <file> [options]`: import one transcript or essay from the command line.
import './load-env';
import { env } from '@/lib/env';
import { databaseTarget } from '@/lib/db';
import { embedPending } from '@/lib/search/vectors/embed-pending';
import { progressBar } from './embed-progress';
import { EditorialError } from '@/lib/editorial/errors';
import { IMPORT_USAGE, isInputProblem, parseImportArguments, runImport, UsageError } from './import-command';

try {
  const options = parseImportArguments(process.argv.slice(2));
  const outcome = await runImport(options, env.DATABASE_URL);
  console.log(outcome.report);
  // Its passages are searchable by meaning once embedded (~0.15 s each); the save itself is done.
  if (outcome.saved) await embedPending(databaseTarget(env.DATABASE_URL), { onProgress: progressBar('Embedding for search') });
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`import: ${error.message}\n\n${IMPORT_USAGE}`);
    process.exitCode = 2;
  } else if (isInputProblem(error) || error instanceof EditorialError) {
    console.error(`import: ${(error as Error).message}\nNothing was written.`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
