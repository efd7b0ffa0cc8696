// `briefdeck schema` and `briefdeck init`: files that help an author start and get editor completion.
import fs from 'node:fs';
import path from 'node:path';
import { packagePath } from '../package-root.js';
import { outlineJsonSchemaText } from '../outline/json-schema.js';
import { CliError } from './errors.js';
import type { Io } from './io.js';
import { STARTER_OUTLINE } from './starter-outline.js';
import { writeOutput } from './write-atomic.js';

export async function schemaCommand(opts: { out?: string }, io: Io): Promise<number> {
  const text = outlineJsonSchemaText();
  if (!opts.out) {
    process.stdout.write(text);
    return 0;
  }
  await writeOutput(opts.out, new TextEncoder().encode(text));
  io.out(`wrote ${opts.out}`);
  return 0;
}

/** The logo shipped with briefdeck, used as the starter deck's example picture. */
const PACKAGE_LOGO = packagePath('assets', 'briefdeck-logo.png');

export async function initCommand(name: string, opts: { force?: boolean; quiet?: boolean }, io: Io): Promise<number> {
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(name)) {
    throw new CliError(`briefdeck: \`${name}\` is not a deck name: use letters, digits, - and _ (it becomes decks/${name}.yaml)`);
  }
  const file = path.join('decks', `${name}.yaml`);
  if (fs.existsSync(file) && !opts.force) throw new CliError(`briefdeck: ${file} already exists (use --force to replace it)`);
  const title = name.replace(/[-_]+/g, ' ').replace(/^./, (c) => c.toUpperCase());
  const written = [file];
  await writeOutput(file, new TextEncoder().encode(STARTER_OUTLINE.replaceAll('__NAME__', name).replace('__TITLE__', title)));
  const schema = path.join('decks', 'outline.schema.json');
  await writeOutput(schema, new TextEncoder().encode(outlineJsonSchemaText()));
  written.push(schema);
  const logo = path.join('assets', 'briefdeck-logo.png');
  if (!fs.existsSync(logo)) {
    await writeOutput(logo, fs.readFileSync(PACKAGE_LOGO));
    written.push(logo);
  }
  if (!opts.quiet) io.out(`wrote ${written.join(', ')}\nnext: briefdeck build ${file}`);
  return 0;
}
