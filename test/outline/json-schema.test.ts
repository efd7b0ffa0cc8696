// The JSON Schema for editors: generated from the validating schema, committed as decks/outline.schema.json
// (up to date), accepting every example deck and rejecting the bad fixtures that are schema mistakes.
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { outlineJsonSchema, outlineJsonSchemaText } from '../../src/outline/json-schema.js';
import { DECKS, deckFiles } from '../helpers.js';

const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ allErrors: true, strict: false });
const validate = ajv.compile(outlineJsonSchema());
const BAD = path.join(import.meta.dirname, '..', 'fixtures', 'outlines', 'bad');
/** Error codes that mean "the outline does not match the schema" (others are YAML syntax or meaning). */
const SCHEMA_CODES = new Set(['unknown-key', 'unknown-slide-type', 'missing-slide-type', 'wrong-type', 'missing-key', 'unknown-chart-kind', 'too-few', 'too-many', 'invalid-value']);

describe('outline JSON Schema', () => {
  it('is committed up to date as decks/outline.schema.json (run `briefdeck schema -o decks/outline.schema.json`)', () => {
    expect(fs.readFileSync(path.join(DECKS, 'outline.schema.json'), 'utf8')).toBe(outlineJsonSchemaText());
  });

  for (const file of deckFiles()) {
    it(`accepts ${path.basename(file)}, which names it on its first line`, () => {
      const text = fs.readFileSync(file, 'utf8');
      expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=outline.schema.json');
      const ok = validate(parse(text));
      expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
      expect(ok).toBe(true);
    });
  }

  // JSON has no NaN or Infinity, so no JSON Schema can refuse YAML's .nan and .inf: the validator does.
  const NOT_JSON = new Set(['nan-value.yaml', 'infinity-value.yaml']);
  const schemaCases = fs.readdirSync(BAD).filter((f) => !NOT_JSON.has(f) && SCHEMA_CODES.has(/^# expect: (\S+)/.exec(fs.readFileSync(path.join(BAD, f), 'utf8'))?.[1] ?? ''));
  it('has schema-level bad fixtures to reject', () => expect(schemaCases.length).toBeGreaterThanOrEqual(6));
  for (const f of schemaCases) {
    it(`rejects ${f}, as the validator does`, () => {
      expect(validate(parse(fs.readFileSync(path.join(BAD, f), 'utf8')))).toBe(false);
    });
  }
});
