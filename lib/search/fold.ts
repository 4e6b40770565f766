// Folds a word the way the index's unicode61 tokenizer does (remove_diacritics 2): "sánctions" → "sanctions".
export const foldDiacritics = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '');
