// `npm run db:migrate`: applies pending migrations to the database named by DATABASE_URL (either engine).
import './load-env';
import { env } from '@/lib/env';
import { databaseLabel, migrateAt } from '@/lib/db';

const { applied, alreadyApplied } = await migrateAt(env.DATABASE_URL);
console.log(
  `${databaseLabel(env.DATABASE_URL)}: ${applied.length} applied${applied.length ? ` (${applied.join(', ')})` : ''}, ${alreadyApplied.length} already applied.`,
);
