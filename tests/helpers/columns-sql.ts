import type { Dialect } from "../../db/sql/types";

/** A statement that lists a table's column names (as `name`, in order), the table bound to its one `?`. */
export function columnNamesSql(dialect: Dialect): string {
  return dialect === "sqlite"
    ? "select name from pragma_table_info(?) order by cid"
    : "select column_name as name from information_schema.columns where table_schema = current_schema() and table_name = ? order by ordinal_position";
}
