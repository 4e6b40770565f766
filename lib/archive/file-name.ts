// The name a downloaded archive file is given: the day it was taken, so several sit side by side.
export const archiveFileName = (at: Date) => `archive-${at.toISOString().slice(0, 10)}.json`;
