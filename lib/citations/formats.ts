// The citation formats the archive offers, in the order readers see them. Pure: pages, the API's
// validation and the client's access-date filler all read it.
export const CITATION_FORMATS = ['apa', 'mla', 'chicago', 'bibtex', 'ris'] as const;
export type CitationFormat = (typeof CITATION_FORMATS)[number];

export const CITATION_FORMAT_LABELS: Record<CitationFormat, string> = {
  apa: 'APA 7',
  mla: 'MLA 9',
  chicago: 'Chicago (author-date)',
  bibtex: 'BibTeX',
  ris: 'RIS',
};

/** The media type of each format when the API returns it as text. */
export const CITATION_MEDIA_TYPES: Record<CitationFormat, string> = {
  apa: 'text/plain; charset=utf-8',
  mla: 'text/plain; charset=utf-8',
  chicago: 'text/plain; charset=utf-8',
  bibtex: 'application/x-bibtex; charset=utf-8',
  ris: 'application/x-research-info-systems; charset=utf-8',
};

export const CSL_JSON_MEDIA_TYPE = 'application/vnd.citationstyles.csl+json';

/** The styles a word processor pastes as prose; BibTeX and RIS are records for reference managers. */
export const isProseFormat = (format: CitationFormat) => format === 'apa' || format === 'mla' || format === 'chicago';
