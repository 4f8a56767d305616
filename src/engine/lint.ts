// lintForm: non-fatal advice about a definition that parses (missing English, unreachable or unfillable fields).
import { requireCompiled } from './definition/compile.ts';
import { LINT_CODES } from './errors.ts';
import type { DefinitionError, FormDefinition } from './types.ts';

const advice = (code: keyof typeof LINT_CODES, path: string, detail?: string): DefinitionError => ({
  code,
  path,
  message: detail ? `${LINT_CODES[code]}: ${detail}` : LINT_CODES[code],
});

export function lintForm(form: FormDefinition): DefinitionError[] {
  const out: DefinitionError[] = [];
  const compiled = requireCompiled(form);
  form.sections.forEach((section, s) => {
    if (section.fields.length === 0) out.push(advice('W_EMPTY_SECTION', `sections[${s}]`));
    if (!section.title.en) out.push(advice('W_LABEL_EN_MISSING', `sections[${s}].title`));
  });
  for (const node of compiled.nodes) {
    const { def, jsonPath } = node;
    if (!def.label.en) out.push(advice('W_LABEL_EN_MISSING', `${jsonPath}.label`, def.id));
    (node.choices ?? []).forEach((c, i) => {
      if (!c.label.en && def.choices) out.push(advice('W_LABEL_EN_MISSING', `${jsonPath}.choices[${i}].label`, String(c.value)));
    });
    const relevant = node.rules.relevant?.expression.ast;
    if (relevant?.kind === 'literal' && !relevant.value) out.push(advice('W_UNREACHABLE', `${jsonPath}.relevant`, def.id));
    const fillable = def.calculate !== undefined || def.default !== undefined || ['group', 'repeat', 'note'].includes(def.type);
    if (def.readonly === true && !fillable) out.push(advice('W_READONLY_NO_VALUE', `${jsonPath}.readonly`, def.id));
  }
  Object.entries(form.choiceLists ?? {}).forEach(([name, list]) =>
    list.forEach((c, i) => {
      if (!c.label.en) out.push(advice('W_LABEL_EN_MISSING', `choiceLists.${name}[${i}].label`, String(c.value)));
    }),
  );
  return out;
}
