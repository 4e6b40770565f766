// GET /api/v1/documents/<slug>/passages/<anchor>/citation: one passage as CSL-JSON, or
// ?format=apa|mla|chicago|bibtex|ris.
import { passageCitationRoute } from '@/lib/citations/citation-route';

export const { GET, OPTIONS } = passageCitationRoute;
