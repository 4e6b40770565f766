// Whether this render is `next build` prerendering the static routes (/, /documents, /speakers…).
//
// The archive is the running server's database, which the build machine may not even have, so the
// build does not read it: the pages without parameters render a placeholder instead. Nobody is
// ever served it: the server renews every cached page when it starts (scripts/start.ts), so each
// page is rendered from the archive on its first visit and kept until a save renews it.
export function renderingAtBuild(): boolean {
  return process.env.NEXT_PHASE === 'phase-production-build';
}
