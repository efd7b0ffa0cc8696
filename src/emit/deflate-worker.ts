// The worker thread of deflate-ahead.ts: deflates the parts it is sent exactly as the zip would.
import { parentPort } from 'node:worker_threads';
import { packPart } from './zip-write.js';

parentPort?.on('message', (m: { id: number; data: Uint8Array; level: number }) => {
  const { crc, bytes } = packPart(m.data, m.level);
  parentPort!.postMessage({ id: m.id, crc, bytes });
});
