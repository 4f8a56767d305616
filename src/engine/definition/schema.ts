// zod schema of a form definition (the shape check of parseForm; semantic checks live in compile/).
import { z } from 'zod';
import type { FieldDefinition } from '../types.ts';

const MAX_EXPRESSION_LENGTH = 2000;

/** Ids are used in answer keys and paths: no leading underscore (so never "__proto__"), no dots or brackets. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

const id = z.string().regex(ID_PATTERN, 'ids are 1–64 letters, digits, "_" or "-", not starting with "_" or "-"');
const localized = z.strictObject({ ja: z.string().min(1).max(2000), en: z.string().max(2000).optional() });
const expression = z.string().min(1).max(MAX_EXPRESSION_LENGTH);
const scalar = z.union([z.string().max(2000), z.number(), z.boolean()]);

const choice = z.strictObject({
  value: z.union([z.string().min(1).max(200), z.number()]),
  label: localized,
  exclusive: z.boolean().optional(),
  requiresReason: z.boolean().optional(),
  data: z.record(z.string().regex(ID_PATTERN), scalar).optional(),
});

const constraint = z.strictObject({ expr: expression, code: z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/), message: localized });

const fieldType = z.enum([
  'text', 'integer', 'decimal', 'date', 'time', 'datetime', 'select_one', 'select_multiple', 'boolean',
  'geopoint', 'geoshape', 'photo', 'signature', 'ocr_text', 'note', 'timestamp', 'group', 'repeat',
]);

const count = z.number().int().min(0).max(1000);

export const fieldSchema: z.ZodType<FieldDefinition> = z.strictObject({
  id,
  type: fieldType,
  label: localized,
  hint: localized.optional(),
  required: z.union([z.boolean(), expression]).optional(),
  requiredMessage: localized.optional(),
  relevant: expression.optional(),
  readonly: z.union([z.boolean(), expression]).optional(),
  default: z.unknown().optional(),
  calculate: expression.optional(),
  constraints: z.array(constraint).max(20).optional(),
  choices: z.array(choice).min(1).max(5000).optional(),
  choiceList: id.optional(),
  numbered: z.boolean().optional(),
  choiceFilter: expression.optional(),
  get fields() {
    return z.array(fieldSchema).min(1).max(2000).optional();
  },
  minCount: count.optional(),
  maxCount: count.optional(),
  photo: z.strictObject({ maxDimension: z.number().int().min(64).max(10000), keepOriginal: z.boolean(), maxCount: z.number().int().min(1).max(100) }).optional(),
  multiline: z.boolean().optional(),
  unit: z.string().max(40).optional(),
  maxLength: z.number().int().min(1).max(100_000).optional(),
  reasonField: id.optional(),
  merge: z.enum(['append', 'lww']).optional(),
  owner: z.literal('office').optional(),
  internal: z.boolean().optional(),
});

const section = z.strictObject({ id, title: localized, fields: z.array(fieldSchema).max(2000) });

/** Warning codes may start with a digit: official check lists number their codes ("01" … "57" of the 要介護認定 警告コード). */
const warningCode = z.string().regex(/^[A-Z0-9][A-Z0-9_]{0,63}$/);

const warningRule = z.strictObject({
  code: warningCode,
  condition: expression,
  message: localized,
  paths: z.array(z.string().max(300)).max(50),
});

/** Until 2026-11 `condition` was named `when`; definitions cached on devices and stored with old drafts still use it. */
const renameLegacyWhen = (raw: unknown): unknown => {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || !('when' in raw) || 'condition' in raw) return raw;
  const { when, ...rest } = raw as Record<string, unknown>;
  return { ...rest, condition: when };
};

const warning = z.preprocess(renameLegacyWhen, warningRule);

const tableRow = z.strictObject({
  min: z.number().optional(),
  max: z.number().optional(),
  equals: scalar.optional(),
  value: z.union([scalar, z.null()]),
});

const scoringBase = { key: id, label: localized.optional() };
const scoringOutput = z.union([
  z.strictObject({ ...scoringBase, expr: expression }),
  z.strictObject({ ...scoringBase, table: z.strictObject({ input: expression, rows: z.array(tableRow).min(1).max(1000), default: z.union([scalar, z.null()]).optional() }) }),
  z.strictObject({ ...scoringBase, fn: id, args: z.record(z.string(), z.unknown()).optional() }),
]);

const migration = z.strictObject({
  from: z.number().int().min(1),
  to: z.number().int().min(1),
  rename: z.record(z.string().max(300), z.string().max(300)).optional(),
  drop: z.array(z.string().max(300)).optional(),
  mapValues: z.record(z.string().max(300), z.record(z.string(), z.union([z.string(), z.number()]))).optional(),
});

/** The expressions that title a record in lists, the office and documents (docs/FORMS.md, "Record title"). */
const recordTitle = z.strictObject({ title: expression, subtitle: expression.optional() });

export const formSchema = z.strictObject({
  id,
  version: z.number().int().min(1),
  title: localized,
  description: localized.optional(),
  sections: z.array(section).min(1).max(200),
  choiceLists: z.record(id, z.array(choice).min(1).max(5000)).optional(),
  warnings: z.array(warning).max(500).optional(),
  scoring: z.array(scoringOutput).max(500).optional(),
  migrations: z.array(migration).max(200).optional(),
  recordTitle: recordTitle.optional(),
  createdBy: z.literal('office').optional(),
});
