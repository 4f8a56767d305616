// Builds the field nodes of a schema-valid form and checks its structure (ids, containers, choices, counts, defaults).
import { DEFINITION_ERRORS, type DefinitionErrorCode } from '../errors.ts';
import type { DefinitionError, FieldDefinition, FormDefinition } from '../types.ts';
import { validateValue } from '../values/validate-value.ts';
import type { FieldNode } from './model.ts';

export const MAX_NESTING = 8;

export function definitionError(code: DefinitionErrorCode, path: string, detail?: string): DefinitionError {
  return { code, path, message: detail ? `${DEFINITION_ERRORS[code]}: ${detail}` : DEFINITION_ERRORS[code] };
}

export function buildNodes(form: FormDefinition, errors: DefinitionError[]): FieldNode[] {
  const nodes: FieldNode[] = [];
  const seenIds = new Map<string, string>();
  const seenSections = new Set<string>();
  form.sections.forEach((section, s) => {
    if (seenSections.has(section.id)) errors.push(definitionError('E_DEF_DUPLICATE_ID', `sections[${s}].id`, section.id));
    seenSections.add(section.id);
    const visit = (defs: FieldDefinition[], parent: FieldNode | null, base: string, depth: number): void => {
      defs.forEach((def, i) => {
        const jsonPath = `${base}[${i}]`;
        if (seenIds.has(def.id)) errors.push(definitionError('E_DEF_DUPLICATE_ID', `${jsonPath}.id`, `"${def.id}" is also at ${seenIds.get(def.id)}`));
        else seenIds.set(def.id, jsonPath);
        const node = makeNode(def, parent, jsonPath, section.id, nodes.length);
        nodes.push(node);
        checkField(form, node, errors);
        if (def.fields && (def.type === 'group' || def.type === 'repeat')) {
          if (depth >= MAX_NESTING) errors.push(definitionError('E_DEF_TOO_DEEP', `${jsonPath}.fields`));
          else visit(def.fields, node, `${jsonPath}.fields`, depth + 1);
        }
      });
    };
    visit(section.fields, null, `sections[${s}].fields`, 1);
  });
  return nodes;
}

function makeNode(def: FieldDefinition, parent: FieldNode | null, jsonPath: string, sectionId: string, index: number): FieldNode {
  const node: FieldNode = {
    index, id: def.id, def, jsonPath, sectionId, parent,
    templatePath: parent ? `${parent.templatePath}.${def.id}` : def.id,
    children: [],
    lineage: [],
    repeatChain: parent ? [...parent.repeatChain, ...(parent.def.type === 'repeat' ? [parent] : [])] : [],
    rules: { constraints: [] },
    valueDeps: new Set(),
    checkDeps: new Set(),
    valueDependents: [],
    checkDependents: [],
    order: 0,
  };
  node.lineage = parent ? [...parent.lineage, node] : [node];
  parent?.children.push(node);
  return node;
}

function checkField(form: FormDefinition, node: FieldNode, errors: DefinitionError[]): void {
  const { def, jsonPath } = node;
  const container = def.type === 'group' || def.type === 'repeat';
  if (container !== (def.fields !== undefined)) errors.push(definitionError('E_DEF_CHILDREN', `${jsonPath}.fields`));
  if (def.type === 'select_one' || def.type === 'select_multiple') {
    if ((def.choices === undefined) === (def.choiceList === undefined)) errors.push(definitionError('E_DEF_CHOICES', jsonPath));
    else if (def.choiceList !== undefined) {
      const list = form.choiceLists && Object.hasOwn(form.choiceLists, def.choiceList) ? form.choiceLists[def.choiceList] : undefined;
      if (!list) errors.push(definitionError('E_DEF_UNKNOWN_CHOICE_LIST', `${jsonPath}.choiceList`, def.choiceList));
      node.choices = list;
    } else node.choices = def.choices;
    const values = new Set<string>();
    (node.choices ?? []).forEach((c, i) => {
      const key = `${typeof c.value}:${c.value}`;
      if (values.has(key)) errors.push(definitionError('E_DEF_DUPLICATE_ID', `${jsonPath}.choices[${i}].value`, String(c.value)));
      values.add(key);
    });
  } else if (def.choices !== undefined || def.choiceList !== undefined) {
    errors.push(definitionError('E_DEF_CHOICES', jsonPath, 'only select fields have choices'));
  }
  if (def.minCount !== undefined && def.maxCount !== undefined && def.minCount > def.maxCount) {
    errors.push(definitionError('E_DEF_REPEAT_COUNT', `${jsonPath}.minCount`, `${def.minCount} > ${def.maxCount}`));
  }
  if (def.default !== undefined && !container && def.type !== 'note') {
    const problem = validateValue(def, def.default);
    if (problem) errors.push(definitionError('E_DEF_DEFAULT', `${jsonPath}.default`, problem.detail));
  }
}
