// The worker thread of deflate-ahead.ts: deflates the parts it is sent (a batch a message) exactly as the zip would.
import { answerJobs, ownBuffer } from '../job-thread.js';
import { packPart } from './zip-write.js';

answerJobs(
  (parts: { data: Uint8Array; level: number }[]) => parts.map(({ data, level }) => packPart(data, level)),
  // The deflated bytes are the worker's own: moved back, not copied.
  (packed) => packed.flatMap((p) => ownBuffer(p.bytes)),
);
