// /documents: every published document, newest first. Kept in the page cache and renewed when an
// editor saves (lib/cache); a filtered, sorted or later page (?topic=…, ?page=2) is rendered per
// request by its twin, ./%5Ffiltered, where proxy.ts rewrites it.
import type { Metadata } from 'next';
import { DocumentsList } from './_lib/documents-list';
import { BuildPlaceholder, renderingAtBuild } from '../_lib/build-placeholder';

export const metadata: Metadata = { title: 'Documents' };

export default function DocumentsPage() {
  if (renderingAtBuild()) return <BuildPlaceholder />;
  return <DocumentsList query={{}} />;
}
