/**
 * The domain model both gateways return (shaped after the official API's fields, hh-api.md).
 * Times are epoch milliseconds: both the API's ISO strings and the site's ms values map here.
 */
import { z } from '../zod';

export const GatewayKind = z.enum(['api', 'site']);
export type GatewayKind = z.infer<typeof GatewayKind>;

export const Me = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullish(),
  newResumeViews: z.number().nullish(),
});
export type Me = z.infer<typeof Me>;

export const ResumeStatus = z.enum(['published', 'not_published', 'blocked', 'on_moderation', 'unknown']);
export type ResumeStatus = z.infer<typeof ResumeStatus>;

export const Salary = z.object({
  from: z.number().nullish(),
  to: z.number().nullish(),
  currency: z.string().nullish(),
  gross: z.boolean().nullish(),
});
export type Salary = z.infer<typeof Salary>;

export const Resume = z.object({
  /** The same on both gateways: the hash (hh.ru's numeric id only when hh gives no hash). */
  id: z.string(),
  /** The site's 38-char hash; the API's id is that same hash. */
  hash: z.string().nullish(),
  title: z.string(),
  status: ResumeStatus,
  /** Access type: no_one, whitelist, blacklist, clients, everyone, direct. */
  access: z.string().nullish(),
  searchable: z.boolean().nullish(),
  totalViews: z.number().nullish(),
  newViews: z.number().nullish(),
  /** Site's views summary extras. */
  searchShows: z.number().nullish(),
  invitations: z.number().nullish(),
  canRaise: z.boolean(),
  /** When it can be raised next (ms epoch), as the server says. Null when unknown. */
  nextRaiseAt: z.number().nullable(),
  updatedAt: z.number().nullish(),
  progress: z
    .object({ percentage: z.number(), mandatory: z.array(z.string()), recommended: z.array(z.string()).nullish() })
    .nullish(),
  moderationNotes: z.array(z.string()).nullish(),
  skills: z.array(z.string()).nullish(),
  salary: z.object({ amount: z.number().nullish(), currency: z.string().nullish() }).nullish(),
  area: z.string().nullish(),
  experienceMonths: z.number().nullish(),
  url: z.string().nullish(),
});
export type Resume = z.infer<typeof Resume>;

export const Employer = z.object({
  id: z.string().nullish(),
  name: z.string(),
  logoUrl: z.string().nullish(),
  url: z.string().nullish(),
  vacanciesUrl: z.string().nullish(),
});
export type Employer = z.infer<typeof Employer>;

export const ResumeView = z.object({
  at: z.number(),
  /** Null: the viewer chose to stay anonymous. */
  employer: Employer.nullable(),
  viewed: z.boolean(),
});
export type ResumeView = z.infer<typeof ResumeView>;

export const ViewsPage = z.object({
  items: z.array(ResumeView),
  page: z.number(),
  pages: z.number(),
  found: z.number(),
});
export type ViewsPage = z.infer<typeof ViewsPage>;

export const Vacancy = z.object({
  id: z.string(),
  name: z.string(),
  employer: Employer.nullish(),
  keySkills: z.array(z.string()),
  salary: Salary.nullish(),
  /** noExperience, between1And3, between3And6, moreThan6 */
  experience: z.string().nullish(),
  area: z.string().nullish(),
  archived: z.boolean(),
  hasTest: z.boolean(),
  testRequired: z.boolean(),
  letterRequired: z.boolean(),
  letterMaxLength: z.number().nullish(),
  /** hh.ru's own apply form (tests, questionnaires, direct vacancies). */
  applyUrl: z.string().nullish(),
  url: z.string().nullish(),
});
export type Vacancy = z.infer<typeof Vacancy>;

export const CannotApplyReason = z.enum([
  'not_published',
  'already_applied',
  'blocked',
  'incomplete',
  'unavailable',
]);
export type CannotApplyReason = z.infer<typeof CannotApplyReason>;

export const ApplyOption = z.object({
  resume: Resume,
  canApply: z.boolean(),
  reason: CannotApplyReason.nullish(),
});
export type ApplyOption = z.infer<typeof ApplyOption>;

export const VacancyContext = z.object({
  vacancy: Vacancy,
  options: z.array(ApplyOption),
  alreadyApplied: z.boolean(),
});
export type VacancyContext = z.infer<typeof VacancyContext>;

export const NegotiationState = z.enum(['response', 'invitation', 'interview', 'discard', 'other']);
export type NegotiationState = z.infer<typeof NegotiationState>;

export const Negotiation = z.object({
  id: z.string(),
  state: NegotiationState,
  vacancyId: z.string().nullish(),
  vacancyName: z.string().nullish(),
  employerName: z.string().nullish(),
  resumeId: z.string().nullish(),
  updatedAt: z.number().nullish(),
});
export type Negotiation = z.infer<typeof Negotiation>;

export const ApplyRequest = z.object({
  vacancyId: z.string().regex(/^\d{1,12}$/),
  resumeId: z.string().min(1).max(64),
  letter: z.string().max(10000).default(''),
});
export type ApplyRequest = z.infer<typeof ApplyRequest>;

/** A write's result as far as it is known. `uncertain`: it may have reached hh.ru: never resend. */
export const ApplyResult = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sent'), negotiationId: z.string().nullish(), chatUrl: z.string().nullish() }),
  z.object({ kind: z.literal('redirect'), url: z.string() }),
  z.object({ kind: z.literal('uncertain'), detail: z.string().nullish() }),
]);
export type ApplyResult = z.infer<typeof ApplyResult>;
