// Words that carry the grammar of a question rather than its subject: in a natural query they do
// not have to match ("how can I help North Koreans" needs "help", "north", "koreans"): its exact plan
// leaves them out beside other words (lexical-match.ts withoutStopWords), its relaxed plan does not
// count them. They still count in phrases, in known phrases and words with synonyms, typed as
// initialisms, and in a query of nothing else.
import { eng } from 'stopword';

// stopword's English list (a maintained list, MIT) lacks a few question words readers type.
const QUESTION_WORDS = ['why', 'when', 'whom', 'whose', 'does', 'tell', 'please'];

const STOP_WORDS: ReadonlySet<string> = new Set([...eng, ...QUESTION_WORDS].map((word) => word.toLowerCase()));

export const isStopWord = (word: string) => STOP_WORDS.has(word);
