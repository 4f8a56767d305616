// The engine's public surface: parse a definition, evaluate answers, run a live session, migrate drafts, lint.
export * from './types.ts';
export { parseForm } from './parse-form.ts';
export { evaluate } from './evaluate.ts';
export { FormSession } from './session/form-session.ts';
export { calculateAnswers, formCalculates, writeFeedsCalculation } from './calculate-answers.ts';
export { fieldRulesAt, type FieldRules } from './field-rules-at.ts';
export { migrateAnswers, type MigrationResult } from './migrate.ts';
export { lintForm } from './lint.ts';
export { ANSWER_ERRORS, DEFINITION_ERRORS, LINT_CODES, MIGRATION_ERRORS, EngineError } from './errors.ts';
export { localized } from './localize.ts';
export { validateValue, type ValueProblem } from './values/validate-value.ts';
export { ATTACHMENT_MIMES, PHOTO_MIMES, SIGNATURE_MIMES, isAttachmentMime, isPhotoMime, isSignatureMime } from './values/attachment-types.ts';
export { choiceNumbers, choicesOf, pickChoices, type ChoiceProblemCode } from './values/choice-value.ts';
export { recordTitle, MAX_RECORD_SUBTITLE, MAX_RECORD_TITLE, type RecordTitleOptions } from './record-title.ts';
