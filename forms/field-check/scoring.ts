// Named scoring functions of the field-check form (what a table cannot express): risk points from defects and buildings.
import type { ScoringFunction } from '../../src/engine/index.ts';

const SEVERITY_POINTS: Record<string, number> = { low: 1, mid: 2, high: 4 };
const DEFECT_POINTS: Record<string, number> = { leak: 2, crack: 1, rust: 1, other: 1 };

/** Defect points + severity points + 1 per building built before args.oldBuildingYear (default 1981). */
export const fieldCheckRiskPoints: ScoringFunction = ({ answers, args }) => {
  const oldYear = typeof args.oldBuildingYear === 'number' ? args.oldBuildingYear : 1981;
  const defects = Array.isArray(answers.defects) ? answers.defects : [];
  let points = 0;
  for (const d of defects) if (typeof d === 'string' && Object.hasOwn(DEFECT_POINTS, d)) points += DEFECT_POINTS[d]!;
  if (typeof answers.severity === 'string' && Object.hasOwn(SEVERITY_POINTS, answers.severity)) points += SEVERITY_POINTS[answers.severity]!;
  const buildings = Array.isArray(answers.buildings) ? answers.buildings : [];
  for (const b of buildings) {
    const year = (b as Record<string, unknown> | null)?.built_year;
    if (typeof year === 'number' && year < oldYear) points += 1;
  }
  return points;
};

export const fieldCheckFunctions = { fieldCheckRiskPoints };
