// The worker thread of deflate-ahead.ts: deflates the parts it is sent exactly as the zip would.
import { answerJobs, ownBuffer } from '../job-thread.js';
import { packPart } from './zip-write.js';

answerJobs(
  ({ data, level }: { data: Uint8Array; level: number }) => packPart(data, level),
  // The deflated bytes are the worker's own: moved back, not copied.
  (p) => ownBuffer(p.bytes),
);
