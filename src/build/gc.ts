// Keeping a long batch's memory near its working set. V8 collects lazily: over a few hundred jobs the PDF
// buffers and zlib state of finished reports pile up to hundreds of MB although the live heap stays near
// 40 MB. Workers also get a heap cap (resourceLimits), but the main thread's cannot be set after start-up,
// and native buffers are outside that cap anyway. A full collection every few dozen jobs costs well under 1 %.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Jobs between full collections in one thread. */
const EVERY = 32;
let count = 0;
let gc: (() => void) | undefined;

export function collectNowAndThen(): void {
  if (++count < EVERY) return;
  count = 0;
  if (!gc) {
    // The usual way to reach gc() in a process not started with --expose-gc.
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
