// Finds the object schema that applies at a path of the data, so that an unknown key can be answered
// with the keys that are allowed there (and a did-you-mean). Reads zod's public `_zod.def` metadata.
import type * as z from 'zod';
import type { PathPart } from './positions.js';

type AnySchema = z.core.$ZodType;

interface Def {
  type: string;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  options?: AnySchema[];
  valueType?: AnySchema;
  innerType?: AnySchema;
  in?: AnySchema;
  out?: AnySchema;
}

const defOf = (s: AnySchema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Strips optional/default/pipe wrappers, and picks the union member that fits `data`. */
function unwrap(schema: AnySchema, data: unknown): AnySchema {
  for (;;) {
    const def = defOf(schema);
    if ((def.type === 'optional' || def.type === 'default' || def.type === 'nullable') && def.innerType) {
      schema = def.innerType;
    } else if (def.type === 'pipe' && def.in) {
      schema = def.in;
    } else if (def.type === 'union' && def.options) {
      const objects = def.options.filter((o) => defOf(unwrap(o, data)).type === 'object');
      const byType = objects.find((o) => {
        const shape = defOf(unwrap(o, data)).shape;
        const literal = shape?.type ? defOf(shape.type) : undefined;
        const values = (literal as unknown as { values?: unknown[] } | undefined)?.values;
        return values?.includes((data as { type?: unknown } | null)?.type);
      });
      const pick = byType ?? objects[0];
      if (!pick) return schema;
      schema = pick;
    } else {
      return schema;
    }
  }
}

/** Allowed keys of the object at `path`, or undefined when the schema there is not an object. */
export function allowedKeysAt(root: AnySchema, path: readonly PathPart[], data: unknown): string[] | undefined {
  let schema = unwrap(root, data);
  let value = data;
  for (const part of path) {
    const def = defOf(schema);
    const next = (value as Record<string | number, unknown> | null | undefined)?.[part];
    if (def.type === 'object' && def.shape && typeof part === 'string' && def.shape[part]) {
      schema = def.shape[part];
    } else if (def.type === 'array' && def.element) {
      schema = def.element;
    } else if (def.type === 'record' && def.valueType) {
      schema = def.valueType;
    } else {
      return undefined;
    }
    value = next;
    schema = unwrap(schema, value);
  }
  const def = defOf(schema);
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : undefined;
}
