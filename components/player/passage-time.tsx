// A timed passage's place in the recording, as a button that seeks there and plays.
import { clock } from '@/lib/media/moment';
import { SeekButton } from './seek-button';

export function PassageTime({ anchor, startMs, endMs }: { anchor: number; startMs: number; endMs: number }) {
  return <SeekButton startMs={startMs} spoken={` to ${clock(endMs)}: play passage ${anchor}`} />;
}
