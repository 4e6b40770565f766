// Server errors as JSON lines on standard output, beside the access log: the request id ties one to
// its request, the digest to the reference the reader was shown. The stack goes here and only here.
import type { Instrumentation } from 'next';
import { errorLogLine } from '@/lib/server/error-log';

export const onRequestError: Instrumentation.onRequestError = (error, request, context) => {
  process.stdout.write(errorLogLine(error, request, context));
};
