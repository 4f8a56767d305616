// The engine's public types: form definitions (as parsed), answers, field state and evaluation results.
// This file is the contract between the engine and its clients (UI, data layer, server, CLI).

/** Text in Japanese (always) and English (optional; falls back to ja). */
export interface Localized {
  ja: string;
  en?: string;
}

export type FieldType =
  | 'text'
  | 'integer'
  | 'decimal'
  | 'date'
  | 'time'
  | 'datetime'
  | 'select_one'
  | 'select_multiple'
  | 'boolean'
  | 'geopoint'
  | 'geoshape'
  | 'photo'
  | 'signature'
  | 'ocr_text'
  | 'note'
  | 'timestamp'
  | 'group'
  | 'repeat';

/** An expression in the engine's expression language (see docs/FORMS.md), e.g. "${age} >= 65". */
export type Expression = string;

export interface Choice {
  value: string | number;
  label: Localized;
  /** In a select_multiple: choosing this clears every other choice (e.g. 「ない」). */
  exclusive?: boolean;
  /** Choosing this requires a reason (a note) — the UI shows a reason box; the engine checks it. */
  requiresReason?: boolean;
  /** Arbitrary data a choiceFilter expression can read as choice.<key> (cascading selects). */
  data?: Record<string, string | number | boolean>;
}

export interface Constraint {
  /** True when the value is acceptable. `.` (or `value`) is the field's own value. */
  expr: Expression;
  code: string;
  message: Localized;
}

export interface PhotoOptions {
  /** Longest edge in pixels after on-device downscaling. */
  maxDimension: number;
  /** Keep the original file alongside the downscaled one. */
  keepOriginal: boolean;
  maxCount: number;
}

export interface FieldDefinition {
  id: string;
  type: FieldType;
  label: Localized;
  hint?: Localized;
  /** boolean or an expression. Hidden (non-relevant) fields are never required. */
  required?: boolean | Expression;
  requiredMessage?: Localized;
  relevant?: Expression;
  readonly?: boolean | Expression;
  default?: unknown;
  calculate?: Expression;
  constraints?: Constraint[];
  /** Inline choices, or the name of a list in FormDefinition.choiceLists. */
  choices?: Choice[];
  choiceList?: string;
  /**
   * select fields: the official form numbers its options (「1. できる 2. できない」) and messages quote those numbers, so the
   * choice buttons show them too. The number is the choice's 1-based place in its full list (choiceNumbers).
   */
  numbered?: boolean;
  /** Evaluated per choice with `choice` bound; false hides the choice (cascading selects). */
  choiceFilter?: Expression;
  /** group and repeat: the nested fields. */
  fields?: FieldDefinition[];
  /** repeat: allowed number of entries. */
  minCount?: number;
  maxCount?: number;
  /** photo options (defaults apply when absent). */
  photo?: PhotoOptions;
  /** text/ocr_text: multi-line input. */
  multiline?: boolean;
  /** integer/decimal: unit shown next to the input (e.g. "mmHg"). */
  unit?: string;
  /** text/ocr_text: maximum length in characters (default 10,000; never more than 100,000). */
  maxLength?: number;
  /** select fields with a requiresReason choice: id of the text field holding the reason (default `<id>_reason`). */
  reasonField?: string;
  /**
   * How the sync server combines two devices' concurrent edits of this field (default: a conflict
   * for a person to resolve; select_multiple unions and photo lists union by hash regardless):
   * 'append' — both texts, older first (notes, comments); 'lww' — the later edit wins (GPS fixes, "last visited").
   */
  merge?: 'append' | 'lww';
  /**
   * 'office': the back office writes this field; the sync server refuses field roles' writes to it (E_OFFICE_OWNED),
   * so a device cannot rewrite data the office is accountable for (a case's number, the insured person's data).
   */
  owner?: 'office';
  /**
   * A helper answer for rules (usually `calculate`d, e.g. "the note contains a vague frequency word"): it drives
   * warnings and relevance but is never shown to people — not in the tablet editor, the office record page,
   * PDFs or exports. Its value is still stored and synced.
   */
  internal?: boolean;
}

export interface SectionDefinition {
  id: string;
  title: Localized;
  fields: FieldDefinition[];
}

/** A warning rule: fires when `condition` is true; the user may acknowledge it with a reason. */
export interface WarningRule {
  code: string;
  condition: Expression;
  message: Localized;
  /** Field paths the warning concerns (shown next to those fields). */
  paths: string[];
}

/** One row of a scoring table: matches when value >= min, value < max and value == equals (each when present). */
export interface ScoringTableRow {
  min?: number;
  max?: number;
  equals?: string | number | boolean;
  value: string | number | boolean | null;
}

export interface ScoringTable {
  input: Expression;
  rows: ScoringTableRow[];
  /** Value when no row matches (null when absent). */
  default?: string | number | boolean | null;
}

/** A scoring output: an expression, a lookup table, or a named pure function supplied by the client. */
export type ScoringOutput =
  | { key: string; label?: Localized; expr: Expression }
  | { key: string; label?: Localized; table: ScoringTable }
  | { key: string; label?: Localized; fn: string; args?: Record<string, unknown> };

/** What a named scoring function receives: relevant answers only, earlier outputs, its args and the clock. */
export interface ScoringContext {
  answers: Answers;
  results: Record<string, unknown>;
  args: Record<string, unknown>;
  now: Date;
}

/** A small pure function computing one scoring output (registered per form in forms/registry.ts). */
export type ScoringFunction = (context: ScoringContext) => unknown;

export interface EvaluateOptions {
  /** The clock for today()/now()/age_years() (default: new Date()). */
  now?: Date;
  /** Minutes east of UTC used for today()/now() (default: the runtime's offset at `now`). */
  utcOffsetMinutes?: number;
  /** Named scoring functions (forms/registry.ts). */
  functions?: Record<string, ScoringFunction>;
  /** Acknowledged warnings: warning code → the user's reason. */
  acknowledged?: Record<string, string>;
  /** Fill `default` values into missing answers on creation (default true). */
  applyDefaults?: boolean;
}

/** Draft migration from one form version to the next. */
export interface MigrationStep {
  from: number;
  to: number;
  /** old path → new path */
  rename?: Record<string, string>;
  /** paths whose answers are dropped (kept in the record's history, not in answers) */
  drop?: string[];
  /** choice value remapping per path: path → { oldValue: newValue } */
  mapValues?: Record<string, Record<string, string | number>>;
}

export interface FormDefinition {
  id: string;
  version: number;
  title: Localized;
  description?: Localized;
  sections: SectionDefinition[];
  choiceLists?: Record<string, Choice[]>;
  warnings?: WarningRule[];
  /** Scoring: named outputs computed in order from the relevant answers; see docs/FORMS.md. */
  scoring?: ScoringOutput[];
  migrations?: MigrationStep[];
  /** How a record of this form is titled (lists, office, documents): expressions over its answers; see docs/FORMS.md. */
  recordTitle?: RecordTitleDefinition;
  /**
   * 'office': records of this form are made by the back office only; the sync server refuses a field role's
   * '@create' or '@delete' of one (E_OFFICE_OWNED). Field roles still write the fields not marked owner: 'office'.
   */
  createdBy?: 'office';
}

export interface RecordTitleDefinition {
  /** The record's name in every list, e.g. "${subject_name}". */
  title: string;
  /** A second line, e.g. the case number. */
  subtitle?: string;
}

/** A record's title and subtitle as shown: single-line, bounded, '' when empty. */
export interface RecordTitle {
  title: string;
  subtitle: string;
}

/** Answers keyed by field id; groups nest as objects, repeats as arrays of objects. */
export type Answers = Record<string, unknown>;

/** A field path: "a", "group.b", "repeat[2].c". */
export type FieldPath = string;

export interface FieldError {
  path: FieldPath;
  code: string;
  message: Localized;
}

export interface FormWarning {
  code: string;
  message: Localized;
  paths: FieldPath[];
  /** The user's reason when the warning was acknowledged (EvaluateOptions.acknowledged). */
  acknowledgedReason?: string;
}

export interface FieldState {
  path: FieldPath;
  field: FieldDefinition;
  relevant: boolean;
  required: boolean;
  readonly: boolean;
  value: unknown;
  errors: FieldError[];
  /** select fields: choices after choiceFilter. */
  choices?: Choice[];
}

export interface Evaluation {
  valid: boolean;
  errors: FieldError[];
  warnings: FormWarning[];
  /** The form's scoring output. */
  result: Record<string, unknown>;
}

/** Errors about a form definition itself, with the JSON path of the problem (e.g. "sections[0].fields[3].relevant"). */
export interface DefinitionError {
  code: string;
  path: string;
  message: string;
}

export type ParseResult =
  | { ok: true; form: FormDefinition }
  | { ok: false; errors: DefinitionError[] };
