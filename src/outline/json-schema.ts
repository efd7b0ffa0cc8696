// The JSON Schema that editors use for completion and checking as the user types (VS Code with the
// YAML extension reads `# yaml-language-server: $schema=…`). Generated from the very zod schema that
// validates outlines, so the two cannot drift.
import * as z from 'zod';
import { OutlineSchema } from './schema.js';

export function outlineJsonSchema(): Record<string, unknown> {
  // `input`: what an author may write (defaults make keys optional), not what the parser returns.
  const schema = z.toJSONSchema(OutlineSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: 'briefdeck-outline.schema.json',
    title: 'briefdeck outline',
    ...schema,
  };
}

export function outlineJsonSchemaText(): string {
  return `${JSON.stringify(outlineJsonSchema(), null, 2)}\n`;
}
