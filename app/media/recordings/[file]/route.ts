// A stored recording, with range requests so the reader's player can seek (lib/media/recording-route.ts).
import { recordingResponse } from '@/lib/media/recording-route';

type Context = { params: Promise<{ file: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  return recordingResponse(request, (await params).file, 'GET');
}

export async function HEAD(request: Request, { params }: Context): Promise<Response> {
  return recordingResponse(request, (await params).file, 'HEAD');
}
