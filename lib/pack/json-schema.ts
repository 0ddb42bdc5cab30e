// The published JSON Schema of pack format v1, generated from the valibot definition in
// format.ts so that the two can never disagree. public/schema/gloss-pack-v1.schema.json is the
// output of packJsonSchemaText(); a unit test fails when the committed file drifts from it.

import { toJsonSchema, type JsonSchema } from '@valibot/to-json-schema';
import { EntrySchema, PackSchema } from './format';
import { schemaHintOf } from './schema-hints';

const SCHEMA_ID = 'https://gloss.invalid/schema/gloss-pack-v1.schema.json';
const TITLE = 'Gloss glossary pack, format version 1';
const DESCRIPTION =
  "A Gloss pack is one UTF-8 JSON file holding a glossary whose terms the Gloss extension marks on web pages. This schema is generated from the extension's own validator. A few rules cannot be expressed here and are checked by Gloss only: entry ids are unique, related ids exist in the pack, no string contains broken Unicode (a lone UTF-16 surrogate), and scope.sites are accepted by the WebExtension match-pattern parser.";

export function packJsonSchema(): JsonSchema {
  const generated = toJsonSchema(PackSchema, {
    target: 'draft-2020-12',
    // Entries are described once under $defs/entry and referenced from `entries`.
    definitions: { entry: EntrySchema },
    overrideAction: ({ valibotAction, jsonSchema }) => {
      const hint = schemaHintOf(valibotAction);
      if (!hint) return undefined; // built-in action: the default conversion (or its error) stands
      return hint.kind === 'expressed' ? { ...jsonSchema, ...hint.fragment } : { ...jsonSchema };
    },
  });
  // Metadata first and definitions last, so the file reads top-down.
  const { $schema, $defs, ...body } = generated;
  return { $schema, $id: SCHEMA_ID, title: TITLE, description: DESCRIPTION, ...body, $defs };
}

/** The exact text of public/schema/gloss-pack-v1.schema.json. */
export function packJsonSchemaText(): string {
  return `${JSON.stringify(packJsonSchema(), null, 2)}\n`;
}
