// One Lighthouse run of one page with one preset, in Debian's Chromium launched by chrome-launcher,
// reduced to what the report keeps: the four category scores, the key metrics and every audit that
// costs points (scored below 1 with weight in its category).
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, type Config, type Flags, type Result } from 'lighthouse';
import { CHROMIUM_FLAGS } from '@/tests/e2e/support/chromium';
import { CATEGORIES, type Category, type FailingAudit, type Preset, type RunResult } from './categories';

/**
 * Headless, with the browser tests' flags (tests/e2e/support/chromium.ts) and two more of Chromium's
 * own background fetches turned off.
 */
export const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_FLAGS, '--disable-default-apps', '--disable-field-trial-config'];

export async function launchChrome(chromePath: string): Promise<chromeLauncher.LaunchedChrome> {
  return chromeLauncher.launch({ chromePath, chromeFlags: CHROME_FLAGS, logLevel: 'error' });
}

const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'] as const;

/** What an audit's details point at, in a line each: a URL, an element's selector or snippet. */
function itemsOf(details: Result['audits'][string]['details']): string[] {
  if (!details || !('items' in details) || !Array.isArray(details.items)) return [];
  return details.items.slice(0, 5).map((item) => {
    const record = item as Record<string, unknown>;
    const node = record.node as { selector?: string; snippet?: string } | undefined;
    if (node?.snippet) return node.snippet.slice(0, 160);
    for (const key of ['url', 'sourceLocation', 'description', 'source']) {
      const value = record[key];
      if (typeof value === 'string') return value.slice(0, 160);
      if (value && typeof value === 'object' && 'url' in value) return String((value as { url: unknown }).url).slice(0, 160);
    }
    return JSON.stringify(record).slice(0, 160);
  });
}

export async function runLighthouse(url: string, preset: Preset, port: number): Promise<RunResult> {
  const flags: Flags = { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] };
  // Lighthouse's own phone preset (a Moto G Power on slow 4G, simulated) is its default config.
  const config: Config | undefined = preset === 'desktop' ? desktopConfig : undefined;
  const result = await lighthouse(url, flags, config);
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const lhr = result.lhr;
  if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const origin = new URL(url).origin;

  const scores = {} as Record<Category, number>;
  const failing = {} as Record<Category, FailingAudit[]>;
  for (const category of CATEGORIES) {
    const c = lhr.categories[category];
    if (!c || c.score === null) throw new Error(`Lighthouse gave no ${category} score for ${url} (${preset})`);
    scores[category] = Math.round(c.score * 100);
    failing[category] = c.auditRefs
      .filter((ref) => ref.weight > 0)
      .map((ref) => lhr.audits[ref.id]!)
      .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'notApplicable')
      .map((audit) => ({ id: audit.id, title: audit.title, score: audit.score!, displayValue: audit.displayValue, items: itemsOf(audit.details) }));
  }
  const metrics: Record<string, number | undefined> = {};
  for (const id of METRICS) metrics[id] = lhr.audits[id]?.numericValue;

  // What Lighthouse says would make the page faster (weightless diagnostics, so not in `failing`).
  const opportunities = Object.values(lhr.audits)
    .filter((audit) => audit.score !== null && audit.score < 1 && audit.details?.type === 'opportunity')
    .map((audit) => `${audit.id}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
  const requests = lhr.audits['network-requests']?.details;
  const offsiteRequests =
    requests && 'items' in requests
      ? (requests.items as { url?: string }[]).map((item) => item.url ?? '').filter((u) => /^https?:/.test(u) && new URL(u).origin !== origin)
      : [];
  return {
    scores,
    metrics,
    failing,
    opportunities,
    offsiteRequests,
    runWarnings: lhr.runWarnings,
    lighthouseVersion: lhr.lighthouseVersion,
    userAgent: lhr.environment.hostUserAgent,
  };
}
