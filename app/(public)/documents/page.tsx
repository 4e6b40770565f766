// /documents: every published document, newest first. Kept in the page cache and renewed when an
// editor saves (lib/cache); a filtered, sorted or later page (?topic=…, ?page=2) is rendered per
// request by its twin, ./%5Ffiltered, where proxy.ts rewrites it.
import type { Metadata } from 'next';
import { pageMetadata } from '@/lib/metadata/page';
import { DocumentsList } from './_lib/documents-list';
import { BuildPlaceholder, renderingAtBuild } from '../_lib/build-placeholder';

export const generateMetadata = (): Metadata =>
  pageMetadata({
    title: 'Documents',
    path: '/documents',
    description: 'Every published interview and essay, newest first, filtered by speaker, topic, kind and date.',
  });

export default function DocumentsPage() {
  if (renderingAtBuild()) return <BuildPlaceholder />;
  return <DocumentsList query={{}} />;
}
