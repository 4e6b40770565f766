// The app's environment, read and validated once. Defaults are working values (see .env.example).
import 'server-only';
import { z } from 'zod';
import { invalidAddressEntry, parseAddressList } from '@/lib/server/trusted-proxies';

/** A comma-separated list of IP addresses and CIDR ranges; every entry must parse. */
const addressList = z
  .string()
  .default('')
  .transform(parseAddressList)
  .superRefine((entries, context) => {
    const problem = invalidAddressEntry(entries);
    if (problem) context.addIssue({ code: 'custom', message: `not an IP address or CIDR range: ${problem}` });
  });

/** Requests a minute per client address; 0 turns the limit off. */
const perMinute = (fallback: number) => z.coerce.number().int('must be a whole number').min(0, 'must be 0 or more').default(fallback);

const EnvSchema = z.object({
  /** SQLite (a `file:` address, the default) or PostgreSQL (a `postgresql://` address): lib/db/engine.ts. */
  DATABASE_URL: z
    .string()
    .regex(
      /^(file:|postgres(ql)?:\/\/)/,
      'DATABASE_URL must be a SQLite file URL such as file:./data/archive.db or a PostgreSQL address such as postgresql://archive@localhost:5432/archive',
    )
    .default('file:./data/archive.db'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  SITE_URL: z.url().optional(),
  /** Reverse proxies whose X-Forwarded-For (and -Host, -Proto) the server believes. None by default. */
  TRUSTED_PROXIES: addressList,
  RATE_LIMIT_SEARCH_PER_MINUTE: perMinute(60),
  RATE_LIMIT_API_PER_MINUTE: perMinute(120),
  /** Client addresses no rate limit applies to (monitoring, the site's own tools). */
  RATE_LIMIT_EXEMPT: addressList,
  /**
   * `npm start` embeds, in the background, passages that have no meaning vectors (scripts/start.ts).
   * `off` skips that: for a benchmark (hours of CPU on a large synthetic archive would spoil its
   * figures); `npm run search:embed` does the same work on demand.
   */
  SEARCH_EMBED_ON_START: z.enum(['on', 'off'], { error: 'SEARCH_EMBED_ON_START must be "on" or "off"' }).default('on'),
  /**
   * Threads that run searches beside the server's main thread on a SQLite archive
   * (lib/search/thread): by default one fewer than the machine's cores, at least one and at most four;
   * 0 searches on the main thread. Each holds its own connection, and loads the sentence encoder
   * (~250 MB) if it is asked a natural-language query.
   */
  SEARCH_THREADS: z.preprocess(
    // Left empty (SEARCH_THREADS="" in a .env file) is unset, not 0: turning the threads off is said with 0.
    (value) => (value === '' ? undefined : value),
    z.coerce.number().int('must be a whole number').min(0, 'must be 0 or more').max(16, 'must be 16 or fewer').optional(),
  ),
  /** Where recordings uploaded in the back office are stored (lib/media), beside the database by default. */
  RECORDINGS_DIR: z.string().min(1).default('./data/recordings'),
});

export type Env = z.infer<typeof EnvSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  return parsed.data;
}

export const env = readEnv();
