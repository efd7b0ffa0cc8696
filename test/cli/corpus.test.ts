// The bad-input corpus, end to end through the build command: every case exits 1 with a located
// message and a hint, prints no stack trace, writes nothing, and leaves a previous deck byte-identical.
// Cases are the fixtures in test/fixtures/outlines/bad/ plus inputs that cannot live in a YAML file
// (binary, BOM, CRLF, sizes, symlinks, control characters), made here.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCommand } from '../../src/cli/commands.js';
import { CliError } from '../../src/cli/errors.js';
import { tempDir } from '../helpers.js';

const BAD = path.join(import.meta.dirname, '..', 'fixtures', 'outlines', 'bad');
const PREVIOUS = Buffer.from('previous good deck: must survive every failed build');

interface Case {
  name: string;
  /** Prepares the case in `dir` and returns the outline path. */
  make(dir: string): string;
  code: string;
  at: string;
}

const fixtureCases: Case[] = fs
  .readdirSync(BAD)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => {
    const text = fs.readFileSync(path.join(BAD, f), 'utf8');
    const [, code, line, col] = /^# expect: (\S+) (\d+):(\d+)/.exec(text)!;
    return { name: f, code: code!, at: `${line}:${col}`, make: () => path.join(BAD, f) };
  });

const write = (dir: string, name: string, data: string | Buffer): string => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return file;
};
const deckWith = (slide: string) => `deck:\n  title: Generated\nslides:\n${slide}`;

const generatedCases: Case[] = [
  { name: 'binary file', code: 'binary-file', at: '1:1', make: (d) => write(d, 'deck.yaml', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0x00])) },
  { name: 'empty file', code: 'empty-outline', at: '1:1', make: (d) => write(d, 'deck.yaml', '') },
  { name: 'only comments', code: 'empty-outline', at: '1:1', make: (d) => write(d, 'deck.yaml', '# nothing here yet\n\n') },
  { name: 'over the size limit', code: 'file-too-large', at: '1:1', make: (d) => write(d, 'deck.yaml', `# ${'x'.repeat(3 * 1024 * 1024)}\n`) },
  {
    name: 'far over the size limit (refused before reading)',
    code: 'file-too-large',
    at: '1:1',
    make: (d) => {
      const file = path.join(d, 'deck.yaml');
      const fd = fs.openSync(file, 'w');
      fs.ftruncateSync(fd, 64 * 1024 * 1024);
      fs.closeSync(fd);
      return file;
    },
  },
  { name: 'BOM, then an unknown key', code: 'unknown-key', at: '3:3', make: (d) => write(d, 'deck.yaml', '\uFEFFdeck:\n  title: BOM\n  colour: red\nslides: [{ type: title }]\n') },
  { name: 'CRLF line ends, then an unknown slide type', code: 'unknown-slide-type', at: '4:11', make: (d) => write(d, 'deck.yaml', 'deck:\r\n  title: CRLF\r\nslides:\r\n  - type: tilte\r\n') },
  { name: 'U+000B in a title', code: 'control-character', at: '6:12', make: (d) => write(d, 'deck.yaml', deckWith('  - type: section\n    title: "Tab\\vbed"\n').replace('deck:', 'deck:\n  subtitle: fine')) },
  { name: 'a 10,000-character title', code: 'too-long', at: '5:12', make: (d) => write(d, 'deck.yaml', deckWith(`  - type: section\n    title: ${'Long '.repeat(2000)}\n`)) },
  { name: '500 bullets', code: 'too-many', at: '7:7', make: (d) => write(d, 'deck.yaml', deckWith(`  - type: bullets\n    title: Many\n    bullets:\n${Array.from({ length: 500 }, (_, i) => `      - point ${i}\n`).join('')}`)) },
  {
    name: 'an image reached through a symlink out of the deck folder',
    code: 'image-not-found',
    at: '6:12',
    make: (d) => {
      const outside = tempDir('outside');
      fs.writeFileSync(path.join(outside, 'secret.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      fs.symlinkSync(path.join(outside, 'secret.png'), path.join(d, 'link.png'));
      return write(d, 'deck.yaml', deckWith('  - type: image\n    title: Linked\n    image: link.png\n    alt: A link out\n'));
    },
  },
  {
    name: 'an oversized image',
    code: 'image-not-found',
    at: '6:12',
    make: (d) => {
      const fd = fs.openSync(path.join(d, 'huge.png'), 'w');
      fs.ftruncateSync(fd, 26 * 1024 * 1024);
      fs.closeSync(fd);
      return write(d, 'deck.yaml', deckWith('  - type: image\n    title: Huge\n    image: huge.png\n    alt: Too big\n'));
    },
  },
];

describe('bad-input corpus through `briefdeck build`', () => {
  it('has at least 60 cases', () => expect(fixtureCases.length + generatedCases.length).toBeGreaterThanOrEqual(60));

  for (const c of [...fixtureCases, ...generatedCases]) {
    it(`${c.name}: exit 1, ${c.code} at ${c.at}, nothing written`, async () => {
      const dir = tempDir('corpus');
      const outline = c.make(dir);
      const out = path.join(dir, 'out', 'deck.pptx');
      fs.mkdirSync(path.dirname(out));
      fs.writeFileSync(out, PREVIOUS);
      const said: string[] = [];
      const io = { out: (l: string) => said.push(l), err: (l: string) => said.push(l) };
      let code: number;
      try {
        code = await buildCommand(outline, { out }, io);
      } catch (e) {
        if (!(e instanceof CliError)) throw e;
        said.push(e.message);
        code = e.exitCode;
      }
      const text = said.join('\n');
      expect(code, text).toBe(1);
      expect(text).toContain(`${outline}:${c.at}: error: `);
      expect(text).toContain(`[${c.code}]`);
      expect(text).toMatch(/\n {2}hint: /);
      expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      expect(fs.readFileSync(out).equals(PREVIOUS)).toBe(true);
      expect(fs.readdirSync(path.dirname(out))).toEqual(['deck.pptx']);
    });
  }
});
