/** Stable YAML for one procedure file: fixed options, a schema comment, no run-dependent content. */
import { stringify } from "yaml";
import type { ProcedureRecord } from "../schema.ts";

export const SCHEMA_COMMENT = "# yaml-language-server: $schema=../schema/procedure.schema.json";

export function procedureYaml(record: ProcedureRecord): string {
  const body = stringify(record, {
    indent: 2,
    indentSeq: false,
    lineWidth: 0,
    minContentWidth: 0,
    blockQuote: "literal",
    aliasDuplicateObjects: false,
    sortMapEntries: false,
  });
  return `${SCHEMA_COMMENT}\n${body}`;
}

/** The `source.dataset` of a procedure file, read without parsing the whole file. */
export function datasetOf(text: string): string | null {
  const m = /^source:\n(?:[ ]{2}.*\n)*?[ ]{2}dataset: ["']?([^"'\n]+)["']?$/m.exec(text);
  return m ? m[1]!.trim() : null;
}
