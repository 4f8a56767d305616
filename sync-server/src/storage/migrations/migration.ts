// The shape of one schema migration: a date-prefixed id (applied in id order, recorded once) and its SQL.
export interface Migration {
  /** "YYYY-MM-DD-what", unique, sorts in the order migrations must run. */
  id: string;
  /** One or more statements separated by semicolons; runs inside the migration's transaction. */
  sql: string;
}
