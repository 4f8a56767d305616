// Benchmark: single-answer re-evaluation on a generated 150-field form with 100 rules; prints one JSON line.
import { FormSession, parseForm } from '../src/engine/index.ts';
import type { FieldDefinition } from '../src/engine/index.ts';

const FIELDS = 150;
const RULES = 100;
const WARMUP = 500;
const SAMPLES = 5000;

/** Fields f0..f149; rules cycle through relevant / constraint / calculate, each reading one or two earlier fields. */
function generateForm(): unknown {
  const fields: FieldDefinition[] = [];
  let rules = 0;
  for (let i = 0; i < FIELDS; i++) {
    const field: FieldDefinition = { id: `f${i}`, type: 'integer', label: { ja: `項目${i}`, en: `Field ${i}` } };
    if (i >= 2 && rules < RULES) {
      const a = `\${f${(i * 7 + 3) % i}}`;
      const b = `\${f${i - 1}}`;
      const kind = rules % 3;
      if (kind === 0) field.relevant = `${a} != 13 or ${b} > 0`;
      if (kind === 1) field.constraints = [{ expr: `. <= ${a} + ${b} + 1000`, code: 'E_TOO_BIG', message: { ja: '大きすぎます', en: 'Too big' } }];
      if (kind === 2) field.calculate = `if(${a} > 50, ${a} + ${b}, ${b} * 2)`;
      rules++;
    }
    fields.push(field);
  }
  return { id: 'bench', version: 1, title: { ja: 'ベンチ', en: 'Bench' }, sections: [{ id: 's', title: { ja: 's', en: 's' }, fields }] };
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const parsed = parseForm(generateForm());
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
const session = new FormSession(parsed.form, {}, { now: new Date('2025-04-01T00:00:00Z') });
const writable = parsed.form.sections[0]!.fields.filter((f) => !f.calculate).map((f) => f.id);

let n = 0;
const change = (): void => {
  const id = writable[(n * 31) % writable.length]!;
  session.setAnswer(id, (n * 17) % 200);
  n++;
};
for (let i = 0; i < WARMUP; i++) change();
const times: number[] = [];
for (let i = 0; i < SAMPLES; i++) {
  const start = performance.now();
  change();
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const round = (x: number): number => Math.round(x * 1000) / 1000;
const p95 = percentile(times, 95);
console.log(JSON.stringify({ name: 'engine-reevaluate', fields: FIELDS, rules: RULES, samples: SAMPLES, p50_ms: round(percentile(times, 50)), p95_ms: round(p95), p99_ms: round(percentile(times, 99)), target_p95_ms: 1, pass: p95 <= 1 }));
