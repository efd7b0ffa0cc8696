// Runs a Node script (the CLI) in this process and reports its peak resident set size on exit, so that
// the bench needs no external `time` command.
import { pathToFileURL } from 'node:url';
const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], script, ...args];
process.on('exit', () => process.stderr.write(`\nmaxrss=${process.resourceUsage().maxRSS}\n`));
await import(pathToFileURL(script).href);
