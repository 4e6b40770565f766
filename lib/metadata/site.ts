// What the site calls itself, once, for titles, cards, feeds and structured data.
export const SITE_NAME = 'Interview Archive';
export const SITE_DESCRIPTION = 'Interviews and essays, searchable down to the single question, answer or paragraph.';
