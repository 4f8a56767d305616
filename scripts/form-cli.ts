// Form CLI: `list`, `check <formId>`, `evaluate <formId> <answers.json> [--lang en] [--now ISO]` over forms/<id>/form.json ('@ack' in answers acknowledges warnings).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { evaluate, lintForm, localized, parseForm, type FormDefinition } from '../src/engine/index.ts';
import { functionsFor } from '../forms/registry.ts';
import { splitMetaAnswers } from '../src/data/sync/metaAnswers.ts';

const FORMS_DIR = resolve(import.meta.dirname, '..', 'forms');
const USAGE = 'usage: form list | form check <formId> | form evaluate <formId> <answers.json> [--lang ja|en] [--now ISO-8601]';

class CliError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface Args {
  positional: string[];
  lang: 'ja' | 'en';
  now?: Date;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { positional: [], lang: 'ja' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--lang') {
      const lang = argv[++i];
      if (lang !== 'ja' && lang !== 'en') throw new CliError('E_CLI_ARGS', `--lang must be ja or en. ${USAGE}`);
      args.lang = lang;
    } else if (arg === '--now') {
      const now = new Date(argv[++i] ?? '');
      if (Number.isNaN(now.getTime())) throw new CliError('E_CLI_ARGS', `--now needs an ISO-8601 date-time. ${USAGE}`);
      args.now = now;
    } else if (arg.startsWith('--')) throw new CliError('E_CLI_ARGS', `unknown option ${arg}. ${USAGE}`);
    else args.positional.push(arg);
  }
  return args;
}

function readJson(file: string, label: string): unknown {
  if (!existsSync(file)) throw new CliError('E_CLI_NO_FILE', `${label} does not exist`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError('E_CLI_NO_FILE', `${label} cannot be read: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError('E_CLI_NOT_JSON', `${label} is not valid JSON: ${(error as Error).message}`);
  }
}

function formFile(formId: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(formId)) throw new CliError('E_CLI_UNKNOWN_FORM', `"${formId.slice(0, 64)}" is not a form id`);
  const file = join(FORMS_DIR, formId, 'form.json');
  if (!existsSync(file)) throw new CliError('E_CLI_UNKNOWN_FORM', `no form "${formId}" in forms/`);
  return file;
}

function loadForm(formId: string): FormDefinition {
  const parsed = parseForm(readJson(formFile(formId), `forms/${formId}/form.json`));
  if (!parsed.ok) {
    const first = parsed.errors[0]!;
    throw new CliError('E_CLI_FORM_INVALID', `forms/${formId}/form.json does not parse (${parsed.errors.length} errors; first: ${first.code} at ${first.path || '(root)'}: ${first.message})`);
  }
  return parsed.form;
}

function list(): void {
  if (!existsSync(FORMS_DIR)) return;
  for (const entry of readdirSync(FORMS_DIR, { withFileTypes: true })) {
    const file = join(FORMS_DIR, entry.name, 'form.json');
    if (!entry.isDirectory() || !existsSync(file)) continue;
    const parsed = parseForm(readJson(file, `forms/${entry.name}/form.json`));
    const line = parsed.ok ? `${parsed.form.id}\tv${parsed.form.version}\t${parsed.form.title.ja}` : `${entry.name}\t(invalid: ${parsed.errors[0]?.code})`;
    process.stdout.write(`${line}\n`);
  }
}

function check(formId: string): number {
  const parsed = parseForm(readJson(formFile(formId), `forms/${formId}/form.json`));
  if (!parsed.ok) {
    for (const e of parsed.errors) process.stdout.write(`${e.code}\t${e.path || '(root)'}\t${e.message}\n`);
    process.stderr.write(`E_CLI_FORM_INVALID: forms/${formId}/form.json has ${parsed.errors.length} definition error(s)\n`);
    return 1;
  }
  const advice = lintForm(parsed.form);
  for (const a of advice) process.stdout.write(`${a.code}\t${a.path}\t${a.message}\n`);
  process.stdout.write(`ok: ${formId} v${parsed.form.version} parses (${advice.length} advice)\n`);
  return 0;
}

function evaluateCommand(formId: string, answersFile: string, args: Args): void {
  const form = loadForm(formId);
  const answers = readJson(answersFile, answersFile);
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) throw new CliError('E_CLI_NOT_OBJECT', `${answersFile} must hold a JSON object of answers`);
  // Stored answers carry record metadata under '@' keys; acknowledged warnings are '@ack': { code: reason } (as on the server).
  const { answers: formAnswers, acks } = splitMetaAnswers(answers as Record<string, unknown>);
  const evaluation = evaluate(form, formAnswers, { functions: functionsFor(formId), acknowledged: acks, ...(args.now ? { now: args.now } : {}) });
  const output = {
    formId: form.id,
    formVersion: form.version,
    valid: evaluation.valid,
    errors: evaluation.errors.map((e) => ({ path: e.path, code: e.code, message: localized(e.message, args.lang) })),
    warnings: evaluation.warnings.map((w) => ({
      code: w.code,
      message: localized(w.message, args.lang),
      paths: w.paths,
      acknowledged: w.acknowledgedReason !== undefined,
      ...(w.acknowledgedReason !== undefined ? { acknowledgedReason: w.acknowledgedReason } : {}),
    })),
    result: evaluation.result,
  };
  process.stdout.write(`${JSON.stringify(output)}\n`);
}

function main(argv: string[]): number {
  const args = parseArgs(argv);
  const [command, ...rest] = args.positional;
  if (command === 'list' && rest.length === 0) return (list(), 0);
  if (command === 'check' && rest.length === 1) return check(rest[0]!);
  if (command === 'evaluate' && rest.length === 2) return (evaluateCommand(rest[0]!, rest[1]!, args), 0);
  throw new CliError('E_CLI_ARGS', USAGE);
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  const code = error instanceof CliError ? error.code : 'E_CLI_INTERNAL';
  process.stderr.write(`${code}: ${String((error as Error).message).replace(/\s+/g, ' ')}\n`);
  process.exitCode = 2;
}
