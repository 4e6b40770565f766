// `npm run db:migrate`: applies pending migrations to the database named by DATABASE_URL.
import './load-env';
import { env } from '@/lib/env';
import { databaseFilePath, migrateDatabase } from '@/lib/db';

const file = databaseFilePath(env.DATABASE_URL);
const { applied, alreadyApplied } = migrateDatabase(file);
console.log(`${file}: ${applied.length} applied${applied.length ? ` (${applied.join(', ')})` : ''}, ${alreadyApplied.length} already applied.`);
