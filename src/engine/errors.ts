// The one catalog of engine error codes (answers, definitions, lint advice, migrations) with ja/en default messages.
import type { FieldError, FieldPath, Localized } from './types.ts';

/** Errors in answers (Evaluation.errors / FieldState.errors). */
export const ANSWER_ERRORS = {
  E_REQUIRED: { ja: '必須項目です', en: 'This field is required' },
  E_TYPE: { ja: '値の形式が正しくありません', en: 'The value has the wrong type or format' },
  E_CONSTRAINT: { ja: '入力値が条件を満たしていません', en: 'The value does not meet the condition' },
  E_CHOICE: { ja: '選択肢にない値です', en: 'The value is not one of the choices' },
  E_EXCLUSIVE: { ja: 'この選択肢は他の選択肢と同時に選べません', en: 'This choice cannot be combined with others' },
  E_DUPLICATE_CHOICE: { ja: '同じ選択肢が重複しています', en: 'The same choice is selected twice' },
  E_REASON_REQUIRED: { ja: 'この選択肢には理由の入力が必要です', en: 'This choice requires a reason' },
  E_TOO_LONG: { ja: '文字数が上限を超えています', en: 'The text is too long' },
  E_OUT_OF_RANGE: { ja: '値が範囲外です', en: 'The value is out of range' },
  E_TOO_MANY: { ja: '件数が上限を超えています', en: 'Too many items' },
  E_REPEAT_MIN: { ja: '件数が不足しています', en: 'Not enough entries' },
  E_REPEAT_MAX: { ja: '件数が上限を超えています', en: 'Too many entries' },
  E_UNKNOWN_FIELD: { ja: 'このフォームにない項目です', en: 'This field is not in the form' },
  E_FORM_INVALID: { ja: 'フォーム定義が正しくありません', en: 'The form definition is invalid' },
  E_SCORING_FUNCTION: { ja: '採点関数を実行できません', en: 'The scoring function could not run' },
} satisfies Record<string, Localized>;

/** Errors in a form definition (ParseResult.errors; DefinitionError.message is the English text). */
export const DEFINITION_ERRORS = {
  E_DEF_SCHEMA: 'The definition does not match the form schema',
  E_DEF_TOO_DEEP: 'The definition nests groups or repeats too deeply',
  E_DEF_DUPLICATE_ID: 'The id is used more than once',
  E_DEF_UNKNOWN_REF: 'The expression refers to a field that does not exist',
  E_DEF_BAD_REF: 'The expression refers to something that has no value (a group or a note)',
  E_DEF_EXPR_SYNTAX: 'The expression cannot be parsed',
  E_DEF_EXPR_UNSUPPORTED: 'The expression uses an operator, name or function the engine does not support',
  E_DEF_REGEX_UNSAFE: 'The regex pattern is invalid or may take exponential time',
  E_DEF_CYCLE: 'Calculations or relevance conditions depend on each other in a cycle',
  E_DEF_UNKNOWN_CHOICE_LIST: 'The choiceList does not exist',
  E_DEF_CHOICES: 'A select field needs exactly one of choices or choiceList',
  E_DEF_CHILDREN: 'group and repeat fields need fields; other field types cannot have them',
  E_DEF_REPEAT_COUNT: 'minCount is greater than maxCount',
  E_DEF_REASON_FIELD: 'A choice requires a reason but the reason field does not exist',
  E_DEF_DEFAULT: 'The default value does not fit the field type',
  E_DEF_MIGRATION: 'The migration steps are inconsistent with the form version',
} satisfies Record<string, string>;

/** Non-fatal advice from lintForm (prefixed W_). */
export const LINT_CODES = {
  W_LABEL_EN_MISSING: 'The label has no English text',
  W_UNREACHABLE: 'The field is never relevant (its relevant condition is constant false)',
  W_READONLY_NO_VALUE: 'The field is readonly without calculate or default, so it can never get a value',
  W_EMPTY_SECTION: 'The section has no fields',
} satisfies Record<string, string>;

/** Errors from the migration of draft answers. */
export const MIGRATION_ERRORS = {
  E_MIGRATION_NO_PATH: 'No declared migration path leads from that version to the current form version',
  E_MIGRATION_INPUT: 'The answers cannot be migrated (not a JSON object)',
} satisfies Record<string, string>;

export type AnswerErrorCode = keyof typeof ANSWER_ERRORS;
export type DefinitionErrorCode = keyof typeof DEFINITION_ERRORS;

export function answerError(code: AnswerErrorCode, path: FieldPath, message?: Localized): FieldError {
  return { path, code, message: message ?? ANSWER_ERRORS[code] };
}

/** Raised only for programmer errors (e.g. a FormSession over a definition that does not compile). */
export class EngineError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'EngineError';
  }
}
