// GET /api/v1/documents/<slug>/citation: the document as CSL-JSON, or ?format=apa|mla|chicago|bibtex|ris.
import { documentCitationRoute } from '@/lib/citations/citation-route';

export const { GET, OPTIONS } = documentCitationRoute;
