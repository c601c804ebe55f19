/*
 * The few SQL expressions the two databases spell differently. Everything else the query layer
 * writes is SQL both accept.
 */
import type { Dialect } from "./types";

/** Seconds from ISO time text `from` to `to` (both columns or expressions of text). */
export function secondsBetween(dialect: Dialect, from: string, to: string): string {
  return dialect === "sqlite"
    ? `((julianday(${to}) - julianday(${from})) * 86400.0)`
    : `extract(epoch from (${to}::timestamptz - ${from}::timestamptz))`;
}

/** A number at `path` (e.g. ["min"]) in JSON text `json`. */
export function jsonNumber(dialect: Dialect, json: string, path: readonly string[]): string {
  return dialect === "sqlite" ? `json_extract(${json}, '$.${path.join(".")}')` : `((${json})::jsonb #>> '{${path.join(",")}}')::double precision`;
}

/** The JSON text at `path` in JSON text `json`, or `fallback` (JSON text) when absent. */
export function jsonText(dialect: Dialect, json: string, path: readonly string[], fallback: string): string {
  return dialect === "sqlite"
    ? `coalesce(json_extract(${json}, '$.${path.join(".")}'), '${fallback}')`
    : `coalesce((${json})::jsonb #> '{${path.join(",")}}', '${fallback}'::jsonb)::text`;
}
