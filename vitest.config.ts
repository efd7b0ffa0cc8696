import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // As in the shipped bundle (scripts/bundle.mjs): pptxgenjs's JSZip is emit's part collector. pptxgenjs
  // is inlined so that the alias reaches its import.
  resolve: { alias: [{ find: /^jszip$/, replacement: fileURLToPath(new URL('./src/emit/zip-collector.ts', import.meta.url)) }] },
  test: {
    server: { deps: { inline: ['pptxgenjs'] } },
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // LibreOffice and the schema validator are slow; two cores, so keep workers few.
    maxWorkers: 2,
  },
});
