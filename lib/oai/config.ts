// The repository's settings: read from the environment on each request (so a test's server can
// set them), validated, with working defaults. The base URL and the identifiers' host come from
// SITE_URL (lib/site-origin.ts), never from the Host header a client sent.
import 'server-only';
import { z } from 'zod';
import { absoluteUrl, siteOrigin } from '@/lib/site-origin';

/** Records per ListIdentifiers or ListRecords response before a resumption token. */
export const DEFAULT_PAGE_SIZE = 50;

const settingsSchema = z.object({
  OAI_PAGE_SIZE: z.coerce.number().int('must be a whole number').min(1, 'must be 1 or more').max(1000, 'must be 1000 or less').default(DEFAULT_PAGE_SIZE),
  OAI_REPOSITORY_NAME: z.string().trim().min(1).default('Interview Archive'),
  OAI_ADMIN_EMAIL: z.email('must be an email address').optional(),
});

export interface OaiSettings {
  pageSize: number;
  repositoryName: string;
  adminEmail: string;
  /** The address harvesters send requests to: SITE_URL's origin + /oai. */
  baseUrl: string;
  /** The host part of every identifier (oai:<host>:<slug>). */
  host: string;
}

export function oaiSettings(source: NodeJS.ProcessEnv = process.env): OaiSettings {
  const parsed = settingsSchema.safeParse(source);
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const host = new URL(siteOrigin()).hostname;
  return {
    pageSize: parsed.data.OAI_PAGE_SIZE,
    repositoryName: parsed.data.OAI_REPOSITORY_NAME,
    // RFC 2142's mailbox for a web service, at the site's own host, until the operator names one.
    adminEmail: parsed.data.OAI_ADMIN_EMAIL ?? `webmaster@${host}`,
    baseUrl: absoluteUrl('/oai'),
    host,
  };
}
