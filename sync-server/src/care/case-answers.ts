// Turns an office's create-case request into care-case answers (keys = form field ids; absent values stay absent).
import { CASE_FIELDS } from '../../../forms/care-case/case-fields.ts';
import type { CreateCaseRequest } from '../../../src/protocol/care/case-requests.ts';

export function caseAnswersOf(body: CreateCaseRequest): Record<string, unknown> {
  const f = CASE_FIELDS;
  const answers: Record<string, unknown> = {
    [f.caseNumber]: body.caseNumber,
    [f.applicationDate]: body.applicationDate,
    [f.applicationType]: body.applicationType,
    [f.insuredNumber]: body.insuredNumber,
    [f.name]: body.name,
  };
  const optional: [string, unknown][] = [
    [f.nameKana, body.nameKana], [f.birthDate, body.birthDate], [f.sex, body.sex], [f.address, body.address],
    [f.phone, body.phone], [f.location, body.location], [f.preferredTimes, body.preferredTimes], [f.visitAt, body.visitAt],
  ];
  for (const [id, value] of optional) if (value !== undefined && value !== '') answers[id] = value;
  return answers;
}
