// What `npm run audit:lighthouse` measures and keeps, apart from Lighthouse itself so the report and
// its test load without it.
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];
export const PRESETS = ['phone', 'desktop'] as const;
export type Preset = (typeof PRESETS)[number];

export interface FailingAudit {
  id: string;
  title: string;
  score: number;
  displayValue?: string;
  /** Up to five addresses or elements the audit names. */
  items: string[];
}

export interface RunResult {
  scores: Record<Category, number>;
  metrics: Record<string, number | undefined>;
  failing: Record<Category, FailingAudit[]>;
  /** Lighthouse's suggestions for speed that carry no weight themselves (unused JavaScript, …). */
  opportunities: string[];
  /** Requests the page made to anything but the server under test (none are expected). */
  offsiteRequests: string[];
  runWarnings: string[];
  lighthouseVersion: string;
  userAgent: string;
}
