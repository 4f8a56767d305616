// The care office API's request shapes (zod; the server parses them at the route, the office builds them): create a case, reassign it, list filters, export filters.
import { z } from 'zod';
import { APPLICATION_TYPES, SEXES } from '../../../forms/care-case/case-fields.ts';

/** 未調査 / 調査済 / 差し戻し / 確定: a case's status, from its linked 認定調査票 alone (the server decides). */
export const CASE_STATUSES = ['unsurveyed', 'surveyed', 'returned', 'approved'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
/** The form engine checks the datetime itself (calendar, offset); here only its outline. */
const DateTimeSchema = z.string().max(40).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, 'a datetime YYYY-MM-DDTHH:MM[:SS][±HH:MM]');
const UserIdSchema = z.string().min(1).max(100);
const optionalText = (max: number) => z.string().trim().max(max).optional();

/** The applicant data the office types; every value becomes an answer of the care-case form and passes its checks. */
export const CreateCaseRequestSchema = z.strictObject({
  assigneeId: UserIdSchema,
  caseNumber: z.string().trim().min(1).max(40),
  applicationDate: DateSchema,
  applicationType: z.enum(APPLICATION_TYPES),
  insuredNumber: z.string().regex(/^[0-9]{10}$/, '10 digits'),
  name: z.string().trim().min(1).max(100),
  nameKana: optionalText(100),
  birthDate: DateSchema.optional(),
  sex: z.enum(SEXES).optional(),
  address: optionalText(300),
  phone: optionalText(30),
  location: z.strictObject({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).optional(),
  preferredTimes: optionalText(500),
  visitAt: DateTimeSchema.optional(),
});
export type CreateCaseRequest = z.infer<typeof CreateCaseRequestSchema>;

export const AssignCaseRequestSchema = z.strictObject({ assigneeId: UserIdSchema });
export type AssignCaseRequest = z.infer<typeof AssignCaseRequestSchema>;

export const CaseIdParamsSchema = z.object({ id: z.string().min(1).max(100) });

export const ListCasesQuerySchema = z.strictObject({
  status: z.enum(CASE_STATUSES).optional(),
  assigneeId: UserIdSchema.optional(),
});
export type ListCasesQuery = z.infer<typeof ListCasesQuerySchema>;

/** Finished (approved) 調査票 whose approval falls in [from, to] (JST calendar dates, both optional). */
export const ExportQuerySchema = z.strictObject({
  from: DateSchema.optional(),
  to: DateSchema.optional(),
});
export type CareExportQuery = z.infer<typeof ExportQuerySchema>;
