// Which engine this Vitest project runs the suite on: `sqlite` (every test) or `postgresql` (the
// suites listed in vitest.config.ts), set by the project's env. TEST_ENGINES picks projects.
import type { Engine } from '@/lib/db/engine';

export const testEngine = (): Engine => (process.env.TEST_ENGINE === 'postgresql' ? 'postgresql' : 'sqlite');
