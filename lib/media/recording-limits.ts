// How large a recording the back office takes as an upload. Shared by the form (which says so before
// sending) and the store (which refuses a larger one). next.config.js allows a server action's body,
// and the proxy's buffered copy of it, just above this (RECORDING_UPLOAD_BODY there); keep them in step.
export const RECORDING_MAX_BYTES = 50 * 1024 * 1024;

export const RECORDING_MAX_LABEL = '50 MB';

/** What the file input accepts: a hint for the browser's picker; the store checks the bytes. */
export const RECORDING_ACCEPT = 'audio/*,video/*,.mp3,.m4a,.mp4,.wav,.ogg,.oga,.flac,.webm,.mov,.aac';
