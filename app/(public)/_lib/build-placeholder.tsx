// What a public page without parameters renders during `next build`: nothing from the archive, which
// is the running server's (lib/cache/build-phase.ts). The server renews it before anyone sees it.
import { renderingAtBuild } from '@/lib/cache/build-phase';

export { renderingAtBuild };

export function BuildPlaceholder() {
  return <p>This page is rendered on its first visit.</p>;
}
