// Colour on a terminal, never in a pipe or a log: NO_COLOR (https://no-color.org) turns it off,
// FORCE_COLOR turns it on, otherwise the stream must be a terminal that has colours (TERM=dumb has none).
import pc from 'picocolors';

export type Colours = ReturnType<typeof pc.createColors>;

export function colourEnabled(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true && typeof stream.hasColors === 'function' && stream.hasColors();
}

export function coloursFor(enabled: boolean): Colours {
  return pc.createColors(enabled);
}

/** Colours one diagnostic as formatDiagnostic() wrote it: severity, caret and hint. */
export function colourDiagnostic(text: string, c: Colours): string {
  if (!c.isColorSupported) return text;
  return text
    .split('\n')
    .map((line, i) => {
      if (i === 0) return line.replace(/: (error|warning): /, (_m, sev: string) => `: ${sev === 'error' ? c.bold(c.red(sev)) : c.bold(c.yellow(sev))}: `);
      if (/^\s+\|\s*\^$/.test(line)) return line.replace('^', c.green('^'));
      if (line.startsWith('  hint: ')) return `  ${c.cyan('hint:')} ${line.slice(8)}`;
      return line;
    })
    .join('\n');
}
