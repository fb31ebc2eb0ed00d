/**
 * Vacancies in the shapes hh.ru's page state carries them (hh-site.md, "vacancy: can I apply" and
 * "search page"): the classic `vacancyView`, the 2026-09-25 `vacancyView.vacancyFull`, the
 * per-applicant `applicantVacancyResponseStatuses` entry, and a search card.
 */
import { LETTER_MAX_LENGTH } from '../state';
import type { Negotiation, SandboxState, User, Vacancy } from '../state';

function company(state: SandboxState, v: Vacancy) {
  const e = state.employer(v.employerId);
  return {
    id: Number(v.employerId),
    name: e?.name ?? '',
    visibleName: e?.name ?? '',
    '@trusted': e?.trusted ?? false,
    logos: e?.logoUrl ? { logo: [{ '@type': 'medium', '@url': e.logoUrl }] } : null,
  };
}

function compensation(v: Vacancy) {
  if (!v.salary) return { noCompensation: true };
  return { from: v.salary.from, to: v.salary.to, currencyCode: v.salary.currency, gross: v.salary.gross };
}

/** What a user's topics say about a vacancy, as labels (lower-case topic states; hh.ru leaves them undocumented). */
export function userLabels(state: SandboxState, user: User | null, vacancyId: string): string[] {
  if (!user) return [];
  return [...new Set(topicsFor(state, user, vacancyId).map((t) => t.state))];
}

export function topicsFor(state: SandboxState, user: User | null, vacancyId: string): Negotiation[] {
  return user ? state.negotiationsOf(user.id).filter((n) => n.vacancyId === vacancyId) : [];
}

export function topicShort(n: Negotiation) {
  return {
    id: Number(n.id),
    chatId: Number(n.chatId),
    resumeId: Number(n.resumeId),
    initialState: 'RESPONSE',
    lastState: n.state.toUpperCase(),
  };
}

/** The vacancy as the page's `vacancyView` carried it before 2026-09-25. */
export function classicVacancyView(state: SandboxState, v: Vacancy) {
  return {
    vacancyId: Number(v.id),
    name: v.name,
    company: company(state, v),
    compensation: compensation(v),
    area: { '@id': v.area.id, name: v.area.name },
    workExperience: v.experience,
    employment: { '@type': v.employment.toUpperCase() },
    workSchedule: v.schedule,
    keySkills: { keySkill: v.keySkills },
    description: v.description,
    status: { archived: v.archived, disabled: false },
    type: v.type,
    responseUrl: v.directUrl,
    publicationDate: new Date(v.publishedAt).toISOString(),
    '@responseLetterRequired': v.letterRequired,
    closedForApplicants: v.archived,
  };
}

/** Since 2026-09-25: `vacancyView.vacancyFull{vacancy, extraVacancyFields, features}`; no letter or test flags here. */
export function fullVacancyView(state: SandboxState, user: User | null, v: Vacancy) {
  const features = ['canShare', 'canComplain'];
  if (!v.archived) features.unshift('canApply');
  if (user) features.push('canAddToFavorites');
  return {
    vacancyFull: {
      vacancy: {
        vacancyId: Number(v.id),
        name: v.name,
        description: v.description,
        status: { archived: v.archived, disabled: false },
        company: company(state, v),
        area: { id: v.area.id, name: v.area.name },
        compensation: v.salary
          ? { ...compensation(v), mode: 'MONTH' }
          : { from: null, to: null, currencyCode: null, gross: null, mode: null },
        keySkills: v.keySkills,
        closedForApplicants: v.archived,
        workExperience: v.experience,
        publicationTime: v.publishedAt,
      },
      extraVacancyFields: { userLabels: userLabels(state, user, v.id), isInFavorites: false, hasEmployerChat: true },
      features: { features },
    },
  };
}

/** The classic per-applicant entry: everything needed to apply. */
export function fullResponseStatus(state: SandboxState, user: User | null, v: Vacancy) {
  const topics = topicsFor(state, user, v.id);
  const resumes = user ? state.resumesOf(user.id) : [];
  const used = new Set(topics.map((t) => t.resumeId));
  return {
    negotiations: { total: topics.length, topicList: topics.map(topicShort) },
    test: { hasTests: v.hasTest, required: v.testRequired },
    letterMaxLength: LETTER_MAX_LENGTH,
    shortVacancy: shortVacancy(state, v),
    alreadyApplied: topics.length > 0,
    usedResumeIds: [...used].map(Number),
    unusedResumeIds: resumes.filter((r) => r.status === 'published' && !used.has(r.id)).map((r) => Number(r.id)),
  };
}

/** Since 2026-09-25 the entry is sparse: the rest comes from the apply preflight. */
export function sparseResponseStatus(state: SandboxState, user: User | null, v: Vacancy) {
  return {
    alreadyApplied: topicsFor(state, user, v.id).length > 0,
    shortVacancy: { vacancyId: Number(v.id), name: v.name },
  };
}

export function shortVacancy(state: SandboxState, v: Vacancy) {
  return {
    vacancyId: Number(v.id),
    name: v.name,
    company: { id: Number(v.employerId), name: state.employer(v.employerId)?.name ?? '' },
    '@responseLetterRequired': v.letterRequired,
    userTestPresent: v.hasTest,
    closedForApplicants: v.archived,
  };
}

/** One card of `vacancySearchResult.vacancies[]`; links point at the host the page was served from. */
export function searchItem(state: SandboxState, user: User | null, v: Vacancy, origin: string) {
  return {
    vacancyId: Number(v.id),
    name: v.name,
    company: company(state, v),
    compensation: compensation(v),
    area: { '@id': v.area.id, name: v.area.name },
    workExperience: v.experience,
    userLabels: userLabels(state, user, v.id),
    userTestPresent: v.hasTest,
    '@responseLetterRequired': v.letterRequired,
    '@workSchedule': v.schedule,
    // guess: the work-format field and its values follow the public API's `work_format[].id`.
    workFormats: [WORK_FORMAT[v.schedule]],
    type: v.type,
    publicationTime: { '@timestamp': Math.floor(v.publishedAt / 1000), $: new Date(v.publishedAt).toISOString() },
    // guess: the card snippet's keys follow the public API's `snippet{requirement, responsibility}`.
    snippet: {
      requirement: `Опыт работы ${EXPERIENCE_SNIPPET[v.experience]}. Уверенное знание ${v.keySkills.slice(0, 3).join(', ')}.`,
      responsibility: snippetOf(v.description),
      skill: v.keySkills.slice(0, 4).join(', '),
    },
    // guess: no capture shows key skills on search cards; present here for the search triage.
    keySkills: v.keySkills.length ? { keySkill: v.keySkills } : null,
    links: { desktop: `${origin}/vacancy/${v.id}`, mobile: `${origin}/vacancy/${v.id}` },
  };
}

const WORK_FORMAT: Record<Vacancy['schedule'], string> = { remote: 'REMOTE', flexible: 'HYBRID', fullDay: 'ON_SITE', shift: 'ON_SITE' };
const EXPERIENCE_SNIPPET: Record<Vacancy['experience'], string> = {
  noExperience: 'не обязателен',
  between1And3: 'от 1 года',
  between3And6: 'от 3 лет',
  moreThan6: 'от 6 лет',
};

/** The description's first sentence as plain text, at most 200 characters. */
function snippetOf(descriptionHtml: string): string {
  const text = descriptionHtml.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ').trim();
  const first = /^.*?[.!?](\s|$)/.exec(text)?.[0]?.trim() ?? text;
  return first.length > 200 ? `${first.slice(0, 199)}…` : first;
}

/** Other open vacancies sharing the most key skills: the "similar vacancies" block. */
export function similarVacancies(state: SandboxState, v: Vacancy, count = 5): Vacancy[] {
  const skills = new Set(v.keySkills.map((s) => s.toLowerCase()));
  return state.vacancies
    .filter((x) => x.id !== v.id && !x.archived)
    .map((x) => ({ x, score: x.keySkills.filter((s) => skills.has(s.toLowerCase())).length }))
    .sort((a, b) => b.score - a.score || Number(a.x.id) - Number(b.x.id))
    .slice(0, count)
    .map((s) => s.x);
}
