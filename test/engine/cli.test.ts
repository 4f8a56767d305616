// The form CLI, spawned with tsx: output JSON shape, languages, exit codes and one-line coded errors.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const NOW = ['--now', '2025-04-01T03:00:00Z'];
function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync('node_modules/.bin/tsx', ['scripts/form-cli.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const tmp = mkdtempSync(join(tmpdir(), 'form-cli-'));

describe('form CLI', () => {
  it('evaluate prints one JSON object for valid answers and exits 0', () => {
    const r = cli('evaluate', 'field-check', 'forms/field-check/fixtures/valid.json', ...NOW);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['formId', 'formVersion', 'valid', 'errors', 'warnings', 'result']);
    expect(out).toMatchObject({ formId: 'field-check', formVersion: 2, valid: true, errors: [], result: { defect_count: 2, risk_points: 6, risk_level: 'C' } });
    expect(out.warnings.map((w: { code: string }) => w.code)).toEqual(['OLD_SEISMIC_CODE', 'HIGH_RISK']);
  });

  it('evaluate reports invalid answers as a result (exit 0), Japanese by default, English with --lang en', () => {
    const ja = JSON.parse(cli('evaluate', 'field-check', 'forms/field-check/fixtures/invalid.json', ...NOW).stdout);
    expect(ja.valid).toBe(false);
    expect(ja.errors[0]).toEqual({ path: 'inspector_name', code: 'E_REQUIRED', message: '担当者名を入力してください' });
    const en = cli('evaluate', 'field-check', 'forms/field-check/fixtures/invalid.json', '--lang', 'en', ...NOW);
    expect(en.code).toBe(0);
    expect(JSON.parse(en.stdout).errors[0].message).toBe("Enter the inspector's name");
  });

  it('list and check', () => {
    expect(cli('list').stdout).toContain('field-check\tv2\t現地確認（設備点検）');
    const check = cli('check', 'field-check');
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('ok: field-check v2 parses');
  });

  it.each([
    [['evaluate', 'field-check', join(tmp, 'missing.json')], 'E_CLI_NO_FILE'],
    [['evaluate', 'field-check', 'BAD_JSON'], 'E_CLI_NOT_JSON'],
    [['evaluate', 'field-check', 'ARRAY_JSON'], 'E_CLI_NOT_OBJECT'],
    [['evaluate', 'no-such-form', 'forms/field-check/fixtures/valid.json'], 'E_CLI_UNKNOWN_FORM'],
    [['evaluate', '../etc', 'forms/field-check/fixtures/valid.json'], 'E_CLI_UNKNOWN_FORM'],
    [['evaluate', 'field-check'], 'E_CLI_ARGS'],
    [['evaluate', 'field-check', 'forms/field-check/fixtures/valid.json', '--lang', 'fr'], 'E_CLI_ARGS'],
    [['frobnicate'], 'E_CLI_ARGS'],
  ])('bad input %j exits non-zero with one coded line (%s)', (args, code) => {
    writeFileSync(join(tmp, 'bad.json'), '{ not json');
    writeFileSync(join(tmp, 'array.json'), '[1]');
    const resolved = args.map((a) => (a === 'BAD_JSON' ? join(tmp, 'bad.json') : a === 'ARRAY_JSON' ? join(tmp, 'array.json') : a));
    const r = cli(...resolved);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${code}: `));
  });
});
