// The existence gate in front of the page cache: a request for an entry's page (a document, a
// passage, a speaker, a topic: lib/cache/entity-pages.ts) reaches Next only when the entry exists
// and the address is spelled the one way the cache knows it.
// - An entry that does not exist (a mistyped or made-up slug, a 2,000-character one, a draft): the
//   edge sends the request to the app's 404 page rendered per request (edge.ts NOWHERE), so Next's
//   page cache writes nothing for it. Without this, every made-up address was a file on disk.
// - An entry spelled otherwise (`some%2Dslug` for `some-slug`, `%2d`, anchor `007`): a permanent
//   redirect to its one spelling, so a cached page is only ever served at its own address.
// Everything else (other pages, routes, files, the API) passes untouched.
import 'server-only';
import { entityPageOf, type EntityPage } from '@/lib/cache/entity-pages';

export type GateOutcome = { action: 'pass' } | { action: 'missing' } | { action: 'redirect'; location: string };

export type PageGate = (pathname: string) => Promise<GateOutcome>;

const PASS: GateOutcome = { action: 'pass' };

/**
 * `exists`: whether an entry page has anything to show (lib/data/page-existence.ts on the server's
 * read-only connection). `literalRoutes`: the app's routes without parameters, from Next's routes
 * manifest, which win over an entry's route in Next's router and so are never gated.
 */
export function createPageGate(exists: (page: EntityPage) => Promise<boolean>, literalRoutes?: ReadonlySet<string>): PageGate {
  return async (pathname) => {
    const match = entityPageOf(pathname, literalRoutes);
    if (!match) return PASS;
    if (!(await exists(match.page))) return { action: 'missing' };
    return match.canonical === pathname ? PASS : { action: 'redirect', location: match.canonical };
  };
}
