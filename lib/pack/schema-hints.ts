// Custom valibot checks cannot be converted to JSON Schema by @valibot/to-json-schema. Each one
// is registered here with either the JSON Schema keywords that say the same thing, or a reason
// why the published schema leaves it out; json-schema.ts refuses any check that is neither.

export type JsonSchemaFragment = Readonly<Record<string, unknown>>;

export type SchemaHint = { kind: 'expressed'; fragment: JsonSchemaFragment } | { kind: 'parser-only'; reason: string };

const hints = new WeakMap<object, SchemaHint>();

/** `action` is published as `fragment` (merged into the JSON Schema of the value it checks). */
export function expressedAs<T extends object>(action: T, fragment: JsonSchemaFragment): T {
  hints.set(action, { kind: 'expressed', fragment });
  return action;
}

/** `action` is enforced by the parser only; `reason` says why the published schema cannot. */
export function parserOnly<T extends object>(action: T, reason: string): T {
  hints.set(action, { kind: 'parser-only', reason });
  return action;
}

export function schemaHintOf(action: object): SchemaHint | undefined {
  return hints.get(action);
}
