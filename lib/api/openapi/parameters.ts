// What each request parameter means, for the description and the API page. The schemas say a
// parameter's type and limits; this says what it is for. A parameter without a line here fails
// tests/integration/api/openapi.test.ts, so a new one cannot go undescribed.
export const PARAMETER_DESCRIPTIONS: Record<string, string> = {
  q: 'The query: words, "exact phrases", prefix*, a OR b, -exclude. Plain words are searched by meaning too.',
  speaker: 'A speaker’s slug: only their passages (or documents they take part in).',
  topic: 'A topic’s slug.',
  kind: 'A kind of document (documents) or of passage (search).',
  document: 'A document’s slug: search within one document.',
  from: 'Earliest date, YYYY, YYYY-MM or YYYY-MM-DD; a document matches when its period overlaps the range.',
  to: 'Latest date, YYYY, YYYY-MM or YYYY-MM-DD.',
  sort: 'Order of the list.',
  page: 'Page number, from 1, in plain digits.',
  pageSize: 'Items a page, in plain digits.',
  slug: 'The entry’s address segment, as in its page’s address.',
  id: 'The document’s id (as in the back office’s addresses).',
  anchor: 'The passage’s anchor within its document.',
};
