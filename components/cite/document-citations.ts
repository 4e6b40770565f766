// A document's citations for its cached reader page, computed once per render: the "Cite this"
// disclosure at the top and the printed colophon at the end both use them.
import 'server-only';
import { cache } from 'react';
import { pageCitations } from '@/lib/citations/citations';
import type { DocumentDetail } from '@/lib/data/dto';

export const documentCitations = cache((document: DocumentDetail) => pageCitations({ document }));
