// YAML text → typed Outline. Only this folder knows YAML. Every problem becomes a located diagnostic;
// nothing is thrown for a user mistake.
import { isScalar, LineCounter, parseDocument, visit, type YAMLError } from 'yaml';
import type * as z from 'zod';
import { Diagnostics, type Span } from '../diagnostics.js';
import { decodeUtf8, firstIllegalCharacter, ILLEGAL_CHARACTER_HINT } from '../text-checks.js';
import { DATE_HINT, dateProblem } from './dates.js';
import { indentationProblem, mergedListItems } from './indentation.js';
import { reportNumberReadings } from './number-readings.js';
import { partialOutline, type PartialOutline } from './partial.js';
import { formatPath, makeLocator, type Locator, type PathPart } from './positions.js';
import { allowedKeysAt } from './schema-walk.js';
import { OutlineSchema, SLIDE_TYPES, type Outline } from './schema.js';
import { closest, suggestion } from './suggest.js';

/** Outlines are hand-written text; anything larger is a mistake (or an attack) rather than a deck. */
export const MAX_OUTLINE_BYTES = 2 * 1024 * 1024;

export interface ParsedOutline {
  /** The outline, when it is valid. */
  outline?: Outline;
  /**
   * When it is not (schema errors, bad characters) but its YAML could be read: the parts that are valid,
   * for the checks that find the rest of the problems in the same run (partial.ts).
   */
  partial?: PartialOutline;
  /** Finds the line and column of any path in the outline. */
  locate: Locator;
  diagnostics: Diagnostics;
}

const START: Span = { line: 1, col: 1 };
const nowhere: Locator = { value: () => START, key: () => START };

/**
 * Parses an outline given as text, or as the bytes of the file: bytes are decoded strictly, so that a
 * byte that is not UTF-8 is a located error instead of a silent U+FFFD.
 */
export function parseOutline(source: string | Uint8Array, diagnostics = new Diagnostics()): ParsedOutline {
  const tooLarge = (): ParsedOutline => {
    diagnostics.error('file-too-large', `the outline is larger than ${MAX_OUTLINE_BYTES / 1024 / 1024} MiB`, {
      span: START,
      hint: 'put large tables in a CSV file, or split the deck',
    });
    return { locate: nowhere, diagnostics };
  };
  let decoded: string;
  if (typeof source === 'string') decoded = source;
  else {
    if (source.length > MAX_OUTLINE_BYTES + 3) return tooLarge(); // + a BOM
    const utf16 = (source[0] === 0xff && source[1] === 0xfe) || (source[0] === 0xfe && source[1] === 0xff);
    if (!utf16 && source.includes(0)) return binary(diagnostics);
    const d = decodeUtf8(source);
    if (!('text' in d)) {
      diagnostics.error('not-utf8', d.message, { span: d.at, hint: d.hint });
      return { locate: nowhere, diagnostics };
    }
    decoded = d.text;
  }
  const text = decoded.startsWith('\uFEFF') ? decoded.slice(1) : decoded;
  if (Buffer.byteLength(text) > MAX_OUTLINE_BYTES) return tooLarge();
  if (text.includes('\0')) return binary(diagnostics);
  if (text.trim() === '' || /^(\s*#.*\n?)*\s*$/.test(text)) {
    diagnostics.error('empty-outline', 'the outline is empty', {
      span: START,
      hint: 'start from `briefdeck init`, or see the outline format in README.md',
    });
    return { locate: nowhere, diagnostics };
  }

  const lines = new LineCounter();
  // Duplicate keys are found below in linear time; yaml's own check is quadratic in the size of a map.
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false, strict: true });
  const locate = makeLocator(doc, lines);
  const at = (offset: number): Span => {
    const { line, col } = lines.linePos(offset);
    return { line, col };
  };

  // A mis-indented line: said once, at that line, with the blocks it could belong to (indentation.ts);
  // yaml's errors up to the line after it follow from it.
  const firstIndentError = doc.errors.find((e) => INDENT_CODES.has(e.code));
  const indent = firstIndentError ? indentationProblem(text, doc, lines, [at(firstIndentError.pos[0]).line]) : undefined;
  if (indent) diagnostics.error(yamlCode(firstIndentError!), `YAML syntax: ${indent.message}`, { span: indent.span, hint: indent.hint });
  for (const err of doc.errors) {
    if (indent && at(err.pos[0]).line <= indent.line + 1) continue;
    // yaml notices an unclosed bracket or quote where the file ends; point at where it was opened.
    const opener = /Flow (sequence|map)|closing ["']?quote|end with a [\]}]/i.test(err.message) ? unclosedOpener(text, err.pos[0]) : undefined;
    const message = opener === undefined ? yamlMessage(err) : `${yamlMessage(err)} (the \`${text[opener]}\` here is never closed)`;
    diagnostics.error(yamlCode(err), message, { span: at(opener ?? err.pos[0]), hint: yamlHint(err) });
  }
  reportDuplicateKeys(doc, at, diagnostics);
  for (const warn of doc.warnings) {
    if (warn.code === 'TAG_RESOLVE_FAILED') {
      diagnostics.error('yaml-custom-tag', 'custom YAML tags (`!tag`) are not allowed in an outline', {
        span: at(warn.pos[0]),
        hint: 'remove the tag and write a plain value',
      });
    } else {
      diagnostics.warn(yamlCode(warn), yamlMessage(warn), { span: at(warn.pos[0]) });
    }
  }
  if (diagnostics.hasErrors) return { locate, diagnostics };
  // Bad characters are errors, but the rest of the outline is still checked (every problem in one run).
  reportControlCharacters(doc, text, at, diagnostics);
  reportNumberReadings(doc, at, diagnostics);
  for (const m of mergedListItems(doc, text, lines)) {
    diagnostics.warn('list-item-in-text', `\`${m.item.length > 40 ? `${m.item.slice(0, 40)}…` : m.item}\` looks like a list item indented too far: it is read as part of the text of ${m.path}`, {
      span: m.span,
      path: m.path,
      hint: /bullets/.test(m.path)
        ? 'to make it a point of its own, indent its `-` like the `-` above; for a sub-point, write the point as `- text: …` with `sub:` and the sub-points under it; if the dash belongs to the text, quote the text'
        : 'indent its `-` like the `-` of the item above to make it an item of its own (or quote the text if the dash belongs to it)',
    });
  }

  let data: unknown;
  try {
    // Aliases are allowed but bounded, so that a "billion laughs" outline cannot exhaust memory.
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    diagnostics.error('yaml-alias-limit', `the outline could not be read: ${(e as Error).message}`, {
      span: START,
      hint: 'use fewer YAML aliases (*name); write the values out instead',
    });
    return { locate, diagnostics };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    diagnostics.error('not-a-map', 'the outline must be a map with `deck:`, `facts:`, `sources:` and `slides:`', {
      span: START,
      hint: 'see the outline format in README.md',
    });
    return { locate, diagnostics };
  }

  // zod's compiled fast path costs more to build (~18 ms) than one outline takes to check without it.
  const result = OutlineSchema.safeParse(data, { jitless: true });
  if (!result.success) {
    for (const issue of result.error.issues) reportIssue(issue, data, locate, diagnostics);
    return { locate, diagnostics, partial: partialOutline(data as Record<string, unknown>) };
  }
  if (diagnostics.hasErrors) {
    const whole = { outline: result.data, slideIndexes: result.data.slides.map((_, i) => i), invalidFacts: new Set<string>(), invalidSources: new Set<string>(), slidesLeftOut: false };
    return { locate, diagnostics, partial: whole };
  }
  return { outline: result.data, locate, diagnostics };
}

function binary(diagnostics: Diagnostics): ParsedOutline {
  diagnostics.error('binary-file', 'this is not a text file (it contains NUL bytes)', {
    span: START,
    hint: 'pass the .yaml outline, not a .pptx or another binary file',
  });
  return { locate: nowhere, diagnostics };
}

/**
 * Every string of the outline (keys too) must be XML-legal and visible: a deck holding a control
 * character, U+FFFE or half a surrogate pair would be damaged. Located at the character itself when it is
 * written raw, else (an escape such as "\ud800") at the start of the text.
 */
function reportControlCharacters(doc: ReturnType<typeof parseDocument>, text: string, at: (offset: number) => Span, out: Diagnostics): void {
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== 'string' || !node.range) return;
      const bad = firstIllegalCharacter(node.value);
      if (!bad) return;
      const raw = text.slice(node.range[0], node.range[1]).indexOf(node.value[bad.index]!);
      out.error('control-character', `this text contains ${bad.what}`, {
        span: at(node.range[0] + Math.max(0, raw)),
        hint: ILLEGAL_CHARACTER_HINT,
      });
    },
  });
}

/** yaml's errors that a line indented out of step with its block causes. */
const INDENT_CODES = new Set(['BAD_INDENT', 'BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY', 'MISSING_CHAR', 'UNEXPECTED_TOKEN']);

/** A key written twice in one map: the second would silently replace the first. */
function reportDuplicateKeys(doc: ReturnType<typeof parseDocument>, at: (offset: number) => Span, out: Diagnostics): void {
  visit(doc, {
    Map(_key, map) {
      const first = new Map<string, Span>();
      for (const pair of map.items) {
        if (!isScalar(pair.key) || !pair.key.range) continue;
        const key = String(pair.key.value);
        const here = at(pair.key.range[0]);
        const earlier = first.get(key);
        if (earlier) {
          out.error('yaml-duplicate-key', `YAML syntax: the key \`${key}\` appears twice in this map (first on line ${earlier.line})`, {
            span: here,
            hint: 'each key may appear once in a map: remove or rename one of them',
          });
        } else first.set(key, here);
      }
    },
  });
}

/** Offset of the last bracket or quote before `end` that is still open there, if any. */
function unclosedOpener(text: string, end: number): number | undefined {
  const stack: number[] = [];
  let quote: number | undefined;
  for (let i = 0; i < Math.min(end, text.length); i++) {
    const c = text[i]!;
    if (quote !== undefined) {
      if (c === text[quote] && !(c === '"' && text[i - 1] === '\\')) quote = undefined;
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if ((c === '"' || c === "'") && (i === 0 || /[\s:,[{]/.test(text[i - 1]!))) {
      quote = i;
    } else if (c === '[' || c === '{') {
      stack.push(i);
    } else if (c === ']' || c === '}') {
      stack.pop();
    }
  }
  return quote ?? stack[stack.length - 1];
}

function yamlCode(err: YAMLError): string {
  return `yaml-${err.code.toLowerCase().replace(/_/g, '-')}`;
}

/** yaml's message without its own "at line L, column C:" tail and excerpt, which we print ourselves. */
function yamlMessage(err: YAMLError): string {
  const first = err.message.split('\n')[0] ?? err.message;
  return `YAML syntax: ${first.replace(/ at line \d+, column \d+:?$/, '')}`;
}

function yamlHint(err: YAMLError): string | undefined {
  switch (err.code) {
    case 'DUPLICATE_KEY':
      return 'each key may appear once in a map: remove or rename one of them';
    case 'TAB_AS_INDENT':
      return 'indent with spaces, not tabs';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'check the indentation and that every [ { " and \' is closed';
    case 'MULTIPLE_DOCS':
      return 'an outline is one YAML document: remove the extra `---`';
    default:
      return 'check the indentation and quoting on this line and the one above';
  }
}

/** Zod issues come without YAML positions or friendly words: add both. */
function reportIssue(issue: z.core.$ZodIssue, data: unknown, locate: Locator, out: Diagnostics): void {
  const path = issue.path as PathPart[];
  const where = formatPath(path);
  const actual = valueAt(data, path);
  if (isDatePath(path)) {
    // zod reports the pattern and the calendar check separately; one message per date is enough.
    if (out.list.some((d) => d.code === 'bad-date' && d.path === where)) return;
    out.error('bad-date', `${where}: ${dateProblem(actual) ?? 'is not a date'}`, { path: where, span: locate.value(path), hint: DATE_HINT });
    return;
  }
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeysAt(OutlineSchema, path, data) ?? [];
      for (const key of issue.keys) {
        if (firstIllegalCharacter(key)) continue; // the bad character is the mistake, reported on its own
        const keyPath = [...path, key];
        out.error('unknown-key', `unknown key \`${key}\` in ${where}`, {
          path: formatPath(keyPath),
          span: locate.key(keyPath),
          hint: suggestion(key, allowed, 'allowed keys'),
        });
      }
      return;
    }
    case 'invalid_union': {
      if (issue.discriminator === 'type' && path[0] === 'slides') {
        const slidePath = path.slice(0, -1);
        if (actual === undefined) {
          out.error('missing-slide-type', `${formatPath(slidePath)} has no \`type\``, {
            path: formatPath(slidePath),
            span: locate.value(slidePath),
            hint: `add \`type:\` with one of: ${SLIDE_TYPES.join(', ')}`,
          });
        } else {
          out.error('unknown-slide-type', `unknown slide type \`${String(actual)}\``, {
            path: where,
            span: locate.value(path),
            hint: suggestion(String(actual), SLIDE_TYPES, 'slide types'),
          });
        }
        return;
      }
      // A union of alternatives (e.g. a bullet is text or {text, sub}): report the branch that fits the
      // shape of what was written.
      const branch = pickBranch(issue.errors, actual);
      if (branch) {
        for (const sub of branch) reportIssue({ ...sub, path: [...path, ...sub.path] } as z.core.$ZodIssue, data, locate, out);
        return;
      }
      out.error('wrong-type', `${where} has the wrong form (${describe(actual)})`, { path: where, span: locate.value(path), hint: 'see the outline format in README.md for what this key takes' });
      return;
    }
    case 'invalid_key': {
      const key = String(path[path.length - 1]);
      out.error('invalid-id', `\`${key}\` is not a valid id`, {
        path: where,
        span: locate.key(path),
        hint: 'an id starts with a letter and holds only letters, digits, _ and -, e.g. first_year',
      });
      return;
    }
    case 'invalid_type': {
      if (actual === undefined) {
        const parent = path.slice(0, -1);
        const key = String(path[path.length - 1]);
        // `titel:` written for `title:` is one mistake: the unknown key says "did you mean `title`?".
        const present = valueAt(data, parent);
        if (present !== null && typeof present === 'object' && Object.keys(present).some((k) => closest(k, [key]) === key)) return;
        out.error('missing-key', `${formatPath(parent)} is missing \`${key}\``, {
          path: where,
          span: locate.value(parent),
          hint: `add \`${key}:\` (${expectedWords(issue.expected)})`,
        });
      } else {
        out.error('wrong-type', `${where} must be ${expectedWords(issue.expected)}, not ${describe(actual)}`, {
          path: where,
          span: locate.value(path),
          hint: issue.expected === 'number' ? 'write a plain number such as 15.2 (no units, no quotes), or a fact id where facts are allowed' : `write ${expectedWords(issue.expected)} here (see the outline format in README.md)`,
        });
      }
      return;
    }
    case 'invalid_value': {
      const options = issue.values.map(String);
      const noun = path[path.length - 1] === 'kind' ? 'chart kinds' : 'allowed values';
      out.error(path[path.length - 1] === 'kind' ? 'unknown-chart-kind' : 'invalid-value', `${where} cannot be \`${String(actual)}\``, {
        path: where,
        span: locate.value(path),
        hint: suggestion(String(actual), options, noun),
      });
      return;
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      if (issue.origin === 'number') {
        const limit = Number(small ? issue.minimum : issue.maximum);
        out.error('out-of-range', `${where} must be ${small ? 'at least' : 'at most'} ${limit}, not ${describe(actual).replace(/^the number /, '')}`, {
          path: where,
          span: locate.value(path),
          hint: path[path.length - 1] === 'decimals' ? 'write a whole number from 0 to 6: the digits shown after the point' : `write a number ${small ? 'of at least' : 'no larger than'} ${limit}`,
        });
        return;
      }
      if (issue.origin === 'string') {
        out.error(small ? 'empty-text' : 'too-long', `${where} ${issue.message}`, {
          path: where,
          span: locate.value(path),
          hint: small ? 'write the text, or remove the key' : 'shorten it',
        });
        return;
      }
      const limit = small ? issue.minimum : issue.maximum;
      const count = Array.isArray(actual) ? ` (it has ${actual.length})` : '';
      const message = issue.origin === 'array' ? `${where} needs ${small ? 'at least' : 'at most'} ${limit} item${Number(limit) === 1 ? '' : 's'}${count}` : `${where}: ${issue.message}`;
      out.error(small ? 'too-few' : 'too-many', message, {
        path: where,
        span: locate.value(path),
        hint: small ? 'add the missing items' : 'split the content over more slides, or shorten the list',
      });
      return;
    }
    default:
      if (path[0] === 'deck' && path[2] === 'fonts' && typeof actual === 'string') {
        out.error('bad-font-name', `${where}: ${issue.message}`, { path: where, span: locate.value(path), hint: 'write the font’s name as the font menu shows it, then a bundled fallback, e.g. "Segoe UI, Arial"' });
        return;
      }
      if (path[path.length - 2] === 'values' && typeof actual === 'string') {
        // Chart values are numbers or fact ids; "57.4 bn" is neither.
        out.error('not-a-number', `${where} is \`${actual}\`: a chart value is a number or a fact id`, {
          path: where,
          span: locate.value(path),
          hint: /\d/.test(actual) ? `write the plain number (e.g. ${/[-+]?\d[\d,]*(\.\d+)?/.exec(actual)![0].replace(/,/g, '')}) and put the scale or unit in the chart's \`unit:\`, or name a fact` : 'write a number, or the id of a fact defined under `facts:`',
        });
        return;
      }
      out.error('invalid-value', `${where}: ${issue.message}`, { path: where, span: locate.value(path), hint: 'see the outline format in README.md for the values this key takes' });
  }
}

/** deck.date and sources.<id>.date, whose problems are told in calendar words. */
function isDatePath(path: readonly PathPart[]): boolean {
  return (path.length === 2 && path[0] === 'deck' && path[1] === 'date') || (path.length === 3 && path[0] === 'sources' && path[2] === 'date');
}

/** Of a union's per-branch issue lists, the one whose branch matches the written value's shape. */
function pickBranch(branches: z.core.$ZodIssue[][], actual: unknown): z.core.$ZodIssue[] | undefined {
  const isObject = actual !== null && typeof actual === 'object' && !Array.isArray(actual);
  return branches.find((issues) => {
    const rootType = issues.find((i) => i.path.length === 0 && i.code === 'invalid_type');
    if (!rootType) return true;
    return isObject ? false : !(rootType.code === 'invalid_type' && rootType.expected === 'object');
  }) ?? (isObject ? undefined : branches[0]);
}

function valueAt(data: unknown, path: readonly PathPart[]): unknown {
  let v = data;
  for (const p of path) v = (v as Record<string | number, unknown> | null | undefined)?.[p];
  return v;
}

function expectedWords(expected: string): string {
  const words: Record<string, string> = {
    string: 'text',
    number: 'a number',
    boolean: 'true or false',
    int: 'a whole number',
    array: 'a list',
    object: 'a map of keys and values',
  };
  return words[expected] ?? expected;
}

function describe(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return `the text "${value.length > 30 ? `${value.slice(0, 30)}…` : value}"`;
  if (typeof value === 'number') return Number.isNaN(value) ? '.nan (not a number)' : Number.isFinite(value) ? `the number ${value}` : 'infinity';
  return String(value);
}
