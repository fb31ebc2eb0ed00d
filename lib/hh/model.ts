/**
 * The domain model both gateways return (shaped after the official API's fields, hh-api.md).
 * Times are epoch milliseconds: both the API's ISO strings and the site's ms values map here.
 */
import { z } from '../zod';
import { LETTER_MAX_LENGTH } from './limits';

export const GatewayKind = z.enum(['api', 'site']);
export type GatewayKind = z.infer<typeof GatewayKind>;

export const Me = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.nullish(z.string()),
  newResumeViews: z.nullish(z.number()),
});
export type Me = z.infer<typeof Me>;

export const ResumeStatus = z.enum(['published', 'not_published', 'blocked', 'on_moderation', 'unknown']);
export type ResumeStatus = z.infer<typeof ResumeStatus>;

export const Salary = z.object({
  from: z.nullish(z.number()),
  to: z.nullish(z.number()),
  currency: z.nullish(z.string()),
  gross: z.nullish(z.boolean()),
});
export type Salary = z.infer<typeof Salary>;

export const Resume = z.object({
  /** The same on both gateways: the hash (hh.ru's numeric id only when hh gives no hash). */
  id: z.string(),
  /** The site's 38-char hash; the API's id is that same hash. */
  hash: z.nullish(z.string()),
  title: z.string(),
  status: ResumeStatus,
  /** Access type: no_one, whitelist, blacklist, clients, everyone, direct. */
  access: z.nullish(z.string()),
  searchable: z.nullish(z.boolean()),
  totalViews: z.nullish(z.number()),
  newViews: z.nullish(z.number()),
  /** Site's views summary extras. */
  searchShows: z.nullish(z.number()),
  invitations: z.nullish(z.number()),
  canRaise: z.boolean(),
  /** When it can be raised next (ms epoch), as the server says. Null when unknown. */
  nextRaiseAt: z.nullable(z.number()),
  updatedAt: z.nullish(z.number()),
  progress: z.nullish(
    z.object({ percentage: z.number(), mandatory: z.array(z.string()), recommended: z.nullish(z.array(z.string())) }),
  ),
  moderationNotes: z.nullish(z.array(z.string())),
  skills: z.nullish(z.array(z.string())),
  salary: z.nullish(z.object({ amount: z.nullish(z.number()), currency: z.nullish(z.string()) })),
  area: z.nullish(z.string()),
  experienceMonths: z.nullish(z.number()),
  url: z.nullish(z.string()),
});
export type Resume = z.infer<typeof Resume>;

export const Employer = z.object({
  id: z.nullish(z.string()),
  name: z.string(),
  logoUrl: z.nullish(z.string()),
  url: z.nullish(z.string()),
  vacanciesUrl: z.nullish(z.string()),
});
export type Employer = z.infer<typeof Employer>;

export const ResumeView = z.object({
  at: z.number(),
  /** Null: the viewer chose to stay anonymous. */
  employer: z.nullable(Employer),
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
  employer: z.nullish(Employer),
  keySkills: z.array(z.string()),
  salary: z.nullish(Salary),
  /** noExperience, between1And3, between3And6, moreThan6 */
  experience: z.nullish(z.string()),
  area: z.nullish(z.string()),
  archived: z.boolean(),
  hasTest: z.boolean(),
  testRequired: z.boolean(),
  letterRequired: z.boolean(),
  letterMaxLength: z.nullish(z.number()),
  /** hh.ru's own apply form (tests, questionnaires, direct vacancies). */
  applyUrl: z.nullish(z.string()),
  url: z.nullish(z.string()),
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
  reason: z.nullish(CannotApplyReason),
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
  vacancyId: z.nullish(z.string()),
  vacancyName: z.nullish(z.string()),
  employerName: z.nullish(z.string()),
  resumeId: z.nullish(z.string()),
  updatedAt: z.nullish(z.number()),
  /** The state word hh.ru gave (e.g. `INVITATION`, `HIDDEN`): an unknown one is shown as is, never dropped. */
  rawState: z.nullish(z.string()),
  /** The employer wrote something the person has not read yet (site `hasNewMessages`, API `has_updates`). */
  hasNewMessages: z.nullish(z.boolean()),
  /** The employer opened the application (site `viewedByOpponent`, API `viewed_by_opponent`). */
  viewed: z.nullish(z.boolean()),
  createdAt: z.nullish(z.number()),
  /** The topic's chat on hh.ru. */
  chatUrl: z.nullish(z.string()),
});
export type Negotiation = z.infer<typeof Negotiation>;

/** One page of the applications list, as hh.ru lists it (its order, not ours). */
export const NegotiationsPage = z.object({ items: z.array(Negotiation), page: z.number(), pages: z.number() });
export type NegotiationsPage = z.infer<typeof NegotiationsPage>;

export const ApplyRequest = z.object({
  vacancyId: z.string().check(z.regex(/^\d{1,12}$/)),
  resumeId: z.string().check(z.minLength(1), z.maxLength(64)),
  letter: z._default(z.string().check(z.maxLength(LETTER_MAX_LENGTH)), ''),
});
export type ApplyRequest = z.infer<typeof ApplyRequest>;

/** A write's result as far as it is known. `uncertain`: it may have reached hh.ru: never resend. */
export const ApplyResult = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('sent'),
    negotiationId: z.nullish(z.string()),
    chatUrl: z.nullish(z.string()),
    /** What hh.ru still wants from the person on its own pages (e.g. PREFERRED_WORK_AREAS). */
    followUp: z.nullish(z.array(z.string())),
  }),
  z.object({ kind: z.literal('redirect'), url: z.string() }),
  z.object({ kind: z.literal('uncertain'), detail: z.nullish(z.string()) }),
]);
export type ApplyResult = z.infer<typeof ApplyResult>;
