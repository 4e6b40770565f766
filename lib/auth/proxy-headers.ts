// The request header proxy.ts uses to tell pages which path was asked for (Next gives pages no URL).
export const PATH_HEADER = 'x-archive-path';
