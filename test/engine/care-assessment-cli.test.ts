// `npm run -s form -- evaluate care-assessment <answers.json>`: 警告コード in the output, '@ack' in stored answers reported as acknowledged.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const NOW = ['--now', '2025-04-01T03:00:00Z'];
const FIXTURES = 'forms/care-assessment/fixtures';

interface CliWarning { code: string; message: string; paths: string[]; acknowledged: boolean; acknowledgedReason?: string }
interface CliOutput { formId: string; valid: boolean; errors: { path: string; code: string; message: string }[]; warnings: CliWarning[] }

function evaluateFixture(name: string, ...extra: string[]): { code: number | null; out: CliOutput; stderr: string } {
  const r = spawnSync('node_modules/.bin/tsx', ['scripts/form-cli.ts', 'evaluate', 'care-assessment', `${FIXTURES}/${name}`, ...NOW, ...extra], { encoding: 'utf8' });
  return { code: r.status, out: JSON.parse(r.stdout) as CliOutput, stderr: r.stderr };
}

describe('form CLI with care-assessment', () => {
  it('check: the form parses with no advice', () => {
    const r = spawnSync('node_modules/.bin/tsx', ['scripts/form-cli.ts', 'check', 'care-assessment'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe('ok: care-assessment v2 parses (0 advice)');
  });

  it('reports warning 01 as warnings: [{code: "01", …}]', () => {
    const { code, out } = evaluateFixture('warning-01.json');
    expect(code).toBe(0);
    expect(out).toMatchObject({ formId: 'care-assessment', valid: true, errors: [] });
    expect(out.warnings).toEqual([
      {
        code: '01',
        message: '警告コード01：「1-3 寝返り」が「3. できない」にもかかわらず、「1-10 洗身」が「1. 介助されていない」です。選択を確認してください。',
        paths: ['1-3', '1-10'],
        acknowledged: false,
      },
    ]);
  });

  it('reports a warning acknowledged in the stored answers (\'@ack\') as acknowledged, with the reason', () => {
    const { out } = evaluateFixture('warning-01-acknowledged.json', '--lang', 'en');
    expect(out.valid).toBe(true);
    expect(out.warnings).toEqual([
      expect.objectContaining({ code: '01', acknowledged: true, acknowledgedReason: '寝返りは夜間に介助が必要だが、洗身はシャワーチェアを使い自分で行っているため。' }),
    ]);
    expect(out.warnings[0]!.message).toMatch(/^Warning 01: 1-3 Rolling over is "3 Cannot do"/);
  });

  it('valid answers: no errors, no warnings; invalid answers: errors at 1-1 and 1-2', () => {
    expect(evaluateFixture('valid.json').out).toMatchObject({ valid: true, errors: [], warnings: [] });
    const { code, out } = evaluateFixture('invalid.json');
    expect(code).toBe(0);
    expect(out.valid).toBe(false);
    expect(out.errors.map((e) => `${e.path}:${e.code}`)).toEqual(expect.arrayContaining(['1-1:E_EXCLUSIVE', '1-2:E_TOKKI_REQUIRED']));
  });

  it('flags vague words in 特記事項', () => {
    expect(evaluateFixture('vague-words.json').out.warnings.map((w) => w.code)).toEqual(['TOKKI_VAGUE_WORDS']);
  });
});
