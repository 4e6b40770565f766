// The archive's feeds of newly published documents, as every page announces them in <head>
// (<link rel="alternate">) and as their route handlers answer them (app/feed.*).
export const FEEDS = {
  rss: { path: '/feed.xml', type: 'application/rss+xml', title: 'Interview Archive: new documents (RSS)' },
  atom: { path: '/feed.atom', type: 'application/atom+xml', title: 'Interview Archive: new documents (Atom)' },
  json: { path: '/feed.json', type: 'application/feed+json', title: 'Interview Archive: new documents (JSON Feed)' },
} as const;
