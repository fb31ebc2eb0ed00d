/**
 * The state's records in api.hh.ru's JSON shapes (hh-openapi-2025-07.yaml: ResumesMineItem,
 * ResumeResumeForApplicant, VacanciesVacancyForApplicant, VacanciesVacanciesItem,
 * NegotiationsListItem, ResumesResumeViewHistoryItem, ...). Field sets follow the spec's `required`
 * lists so answers validate; values come from the one shared state.
 */
import type { Area, Employer, ExperienceId, Negotiation, Resume, ResumeView, SandboxState, Vacancy } from '../state';
import { API, SITE, hhDate } from './format';

type Obj = Record<string, unknown>;

const STATUS_NAMES: Record<Resume['status'], string> = {
  published: 'опубликовано',
  not_published: 'не опубликовано',
  blocked: 'заблокировано',
  on_moderation: 'на модерации',
};

const ACCESS_NAMES: Record<Resume['access'], string> = {
  no_one: 'не видно никому',
  whitelist: 'видно выбранным компаниям',
  blacklist: 'скрыто от выбранных компаний',
  clients: 'видно компаниям-клиентам HeadHunter',
  everyone: 'видно всему интернету',
  direct: 'доступно только по прямой ссылке',
};

const EXPERIENCE_NAMES: Record<ExperienceId, string> = {
  noExperience: 'Нет опыта',
  between1And3: 'От 1 года до 3 лет',
  between3And6: 'От 3 до 6 лет',
  moreThan6: 'Более 6 лет',
};

const SCHEDULE_NAMES: Record<Vacancy['schedule'], string> = {
  fullDay: 'Полный день',
  remote: 'Удаленная работа',
  flexible: 'Гибкий график',
  shift: 'Сменный график',
};

const EMPLOYMENT_NAMES: Record<Vacancy['employment'], string> = {
  full: 'Полная занятость',
  part: 'Частичная занятость',
  project: 'Проектная работа',
};

const NEGOTIATION_STATE_NAMES: Record<Negotiation['state'], string> = {
  response: 'Отклик',
  invitation: 'Приглашение',
  interview: 'Собеседование',
  discard: 'Отказ',
};

const idName = (id: string, name: string) => ({ id, name });

export function area(a: Area): Obj {
  return { id: a.id, name: a.name, url: `${API}/areas/${a.id}` };
}

function logoUrls(e: Employer): Obj | null {
  return e.logoUrl ? { original: e.logoUrl, '90': e.logoUrl, '240': e.logoUrl } : null;
}

/** EmployersEmployerItemShort (view history) and the public employer of vacancies. */
export function employer(e: Employer): Obj {
  return {
    id: e.id,
    name: e.name,
    url: `${API}/employers/${e.id}`,
    alternate_url: `${SITE}/employer/${e.id}`,
    vacancies_url: `${API}/vacancies?employer_id=${e.id}`,
    logo_urls: logoUrls(e),
    trusted: e.trusted,
    accredited_it_employer: e.trusted,
  };
}

function salaryRange(v: Vacancy): Obj | null {
  if (!v.salary) return null;
  return {
    from: v.salary.from,
    to: v.salary.to,
    currency: v.salary.currency,
    gross: v.salary.gross,
    mode: idName('MONTH', 'За месяц'),
    frequency: null,
  };
}

function vacancyCommon(state: SandboxState, v: Vacancy): Obj {
  const e = state.employer(v.employerId);
  return {
    id: v.id,
    name: v.name,
    area: area(v.area),
    salary: v.salary ? { ...v.salary } : null,
    salary_range: salaryRange(v),
    type: v.type === 'direct' ? idName('direct', 'Рекламная') : idName('open', 'Открытая'),
    employer: e ? employer(e) : null,
    department: null,
    has_test: v.hasTest,
    response_letter_required: v.letterRequired,
    archived: v.archived,
    premium: false,
    published_at: hhDate(v.publishedAt),
    created_at: hhDate(v.createdAt),
    url: `${API}/vacancies/${v.id}?host=hh.ru`,
    alternate_url: `${SITE}/vacancy/${v.id}`,
    apply_alternate_url: `${SITE}/applicant/vacancy_response?vacancyId=${v.id}`,
    response_url: v.type === 'direct' ? v.directUrl : null,
    professional_roles: [idName('96', 'Программист, разработчик')],
    accept_incomplete_resumes: false,
    experience: idName(v.experience, EXPERIENCE_NAMES[v.experience]),
    schedule: idName(v.schedule, SCHEDULE_NAMES[v.schedule]),
    employment: idName(v.employment, EMPLOYMENT_NAMES[v.employment]),
  };
}

/** GET /vacancies/{id}: VacanciesVacancyForApplicant, with the viewer's `relations`. */
export function vacancyFull(state: SandboxState, v: Vacancy, userId: string | null): Obj {
  return {
    ...vacancyCommon(state, v),
    description: v.description,
    branded_description: null,
    key_skills: v.keySkills.map((name) => ({ name })),
    accept_handicapped: false,
    accept_kids: false,
    accept_temporary: false,
    allow_messages: true,
    approved: true,
    billing_type: idName('standard', 'Стандарт'),
    driver_license_types: [],
    initial_created_at: hhDate(v.createdAt),
    contacts: null,
    address: null,
    hidden: false,
    test: v.hasTest ? { required: v.testRequired } : null,
    code: null,
    insider_interview: null,
    languages: [],
    relations: userId ? state.relations(userId, v.id) : [],
    negotiations_url: null,
    suitable_resumes_url: userId ? `${API}/vacancies/${v.id}/suitable_resumes` : null,
  };
}

/** A vacancy search item: VacanciesVacanciesItem. */
export function vacancyShort(state: SandboxState, v: Vacancy, userId: string | null): Obj {
  const skills = v.keySkills.slice(0, 3).join(', ');
  return {
    ...vacancyCommon(state, v),
    relations: userId ? state.relations(userId, v.id) : [],
    snippet: {
      requirement: `Опыт: ${EXPERIENCE_NAMES[v.experience].toLowerCase()}. Знание <highlighttext>${skills}</highlighttext>.`,
      responsibility: 'Разработка и поддержка продукта вместе с командой.',
    },
    contacts: null,
    address: null,
    show_logo_in_search: true,
    sort_point_distance: null,
  };
}

/** The vacancy inside a negotiation: VacanciesNegotiationsVacancyShort. */
export function negotiationVacancy(state: SandboxState, v: Vacancy): Obj {
  return { ...vacancyCommon(state, v), show_contacts: false, address: null };
}

function download(r: Resume): Obj {
  return {
    pdf: { url: `${SITE}/resume_converter/${encodeURIComponent(r.title)}.pdf?hash=${r.hash}&type=pdf` },
    rtf: { url: `${SITE}/resume_converter/${encodeURIComponent(r.title)}.rtf?hash=${r.hash}&type=rtf` },
  };
}

function resumeExperience(r: Resume): Obj[] {
  return r.experience.map((x) => ({
    company: x.company,
    company_id: null,
    company_url: null,
    employer: null,
    area: x.area ? area(x.area) : null,
    position: x.position,
    start: x.start,
    end: x.end,
    description: x.description,
    industries: [],
    industry: null,
  }));
}

function statusObj(r: Resume) {
  return idName(r.status, STATUS_NAMES[r.status]);
}

/** ResumeResumeShortForOwner: common to /resumes/mine and suitable_resumes. */
function resumeShort(state: SandboxState, r: Resume): Obj {
  const user = state.userById(r.userId);
  return {
    id: r.hash,
    real_id: r.id,
    title: r.title,
    url: `${API}/resumes/${r.hash}`,
    alternate_url: `${SITE}/resume/${r.hash}`,
    created_at: hhDate(r.createdAt),
    updated_at: hhDate(r.updatedAt),
    first_name: user?.firstName ?? null,
    last_name: user?.lastName ?? null,
    middle_name: user?.middleName ?? null,
    age: 31,
    area: area(r.area),
    salary: r.salary ? { amount: r.salary.amount, currency: r.salary.currency } : null,
    total_experience: { months: r.totalExperienceMonths },
    experience: resumeExperience(r),
    certificate: [],
    education: { level: idName('higher', 'Высшее'), primary: [] },
    hidden_fields: [],
    marked: false,
    photo: null,
    gender: idName('female', 'Женский'),
    download: download(r),
    actions: { download: download(r) },
    platform: { id: 'headhunter' },
    auto_hide_time: null,
    can_view_full_info: null,
  };
}

function similar(state: SandboxState, r: Resume): Obj {
  return { url: `${API}/resumes/${r.hash}/similar_vacancies`, counters: { total: state.similarTo(r).length } };
}

/** Owner fields common to /resumes/mine items and the full resume. */
function ownerFields(state: SandboxState, r: Resume): Obj {
  const now = state.now();
  return {
    status: statusObj(r),
    blocked: r.status === 'blocked',
    finished: r.progress.mandatory.length === 0,
    can_publish_or_update: state.canRaise(r),
    access: { type: idName(r.access, ACCESS_NAMES[r.access]) },
    new_views: r.newViews,
    total_views: r.totalViews,
    views_url: `${API}/resumes/${r.hash}/views`,
    next_publish_at: r.status === 'published' && r.nextPublishAt > now ? hhDate(r.nextPublishAt) : null,
    publish_url: `${API}/resumes/${r.hash}/publish`,
    paid_services: [],
  };
}

/** One item of GET /resumes/mine: ResumesMineItem. */
export function resumeMine(state: SandboxState, r: Resume): Obj {
  const user = state.userById(r.userId);
  return {
    ...resumeShort(state, r),
    ...ownerFields(state, r),
    contact: user ? [{ type: idName('email', 'Эл. почта'), value: user.email, preferred: true, verified: true }] : [],
    created: hhDate(r.createdAt),
    updated: hhDate(r.updatedAt),
    similar_vacancies: similar(state, r),
    tags: [],
    visible: r.status === 'published',
  };
}

function progress(r: Resume): Obj {
  const items = (names: string[], prefix: string) => names.map((name, i) => idName(`${prefix}_${i + 1}`, name));
  return {
    percentage: r.progress.percentage,
    mandatory: items(r.progress.mandatory, 'mandatory'),
    recommended: items(r.progress.recommended, 'recommended'),
  };
}

function moderationNotes(r: Resume): Obj[] {
  return r.moderationNotes.map((name, i) => idName(`note_${i + 1}`, name));
}

/** GET /resumes/{id}/status: ResumeStatusReadiness. */
export function resumeStatus(state: SandboxState, r: Resume): Obj {
  const o = ownerFields(state, r);
  return {
    status: o.status,
    blocked: o.blocked,
    finished: o.finished,
    can_publish_or_update: o.can_publish_or_update,
    publish_url: o.publish_url,
    progress: progress(r),
    moderation_note: moderationNotes(r),
  };
}

/** GET /resumes/{id} for its owner: ResumeResumeForApplicant. */
export function resumeFull(state: SandboxState, r: Resume): Obj {
  const user = state.userById(r.userId);
  return {
    ...resumeMine(state, r),
    progress: progress(r),
    moderation_note: moderationNotes(r),
    skill_set: r.skills,
    skills: null,
    business_trip_readiness: idName('ready', 'Готов к командировкам'),
    citizenship: [{ ...area({ id: '113', name: 'Россия' }) }],
    work_ticket: [{ ...area({ id: '113', name: 'Россия' }) }],
    contact: user
      ? [
          { type: idName('email', 'Эл. почта'), value: user.email, preferred: true, verified: true },
          {
            type: idName('cell', 'Мобильный телефон'),
            value: { country: '7', city: user.phone.slice(3, 6), number: user.phone.slice(7).replace(/-/g, ''), formatted: user.phone },
            preferred: false,
            verified: true,
          },
        ]
      : [],
    driver_license_types: [],
    employments: [idName('full', 'Полная занятость')],
    schedules: [idName('remote', 'Удаленная работа'), idName('fullDay', 'Полный день')],
    schedule: idName('remote', 'Удаленная работа'),
    language: [{ id: 'rus', name: 'Русский', level: idName('l1', 'Родной') }],
    recommendation: [],
    relocation: { type: idName('no_relocation', 'не могу переехать'), area: [], district: [] },
    resume_locale: idName('RU', 'Русский'),
    site: [],
    travel_time: idName('any', 'Не имеет значения'),
    portfolio: [],
    specialization: [],
    professional_roles: [idName('96', 'Программист, разработчик')],
    has_vehicle: false,
    skills_description: null,
  };
}

/** An item of suitable_resumes / resumes_by_status: ResumesSuitableResumeItem. */
export function resumeSuitable(state: SandboxState, r: Resume): Obj {
  return {
    ...resumeShort(state, r),
    status: statusObj(r),
    access: { type: idName(r.access, ACCESS_NAMES[r.access]) },
    finished: r.progress.mandatory.length === 0,
    requires_completion: r.progress.mandatory.length > 0 && r.status !== 'published',
  };
}

/** ResumesResumeViewHistoryItem: an anonymous viewer is only a name. */
export function viewItem(state: SandboxState, v: ResumeView): Obj {
  const e = state.employer(v.employerId);
  return {
    created_at: hhDate(v.at),
    viewed: v.viewed,
    employer: e
      ? {
          id: e.id,
          name: e.name,
          url: `${API}/employers/${e.id}`,
          alternate_url: `${SITE}/employer/${e.id}`,
          vacancies_url: `${API}/vacancies?employer_id=${e.id}`,
          logo_urls: logoUrls(e),
        }
      : { name: 'Анонимный работодатель' },
  };
}

export function resumeNano(r: Resume): Obj {
  return { id: r.hash, title: r.title, url: `${API}/resumes/${r.hash}`, alternate_url: `${SITE}/resume/${r.hash}` };
}

/** An item of GET /negotiations: NegotiationsListItem (applicant). */
export function negotiationItem(state: SandboxState, n: Negotiation): Obj {
  const v = state.vacancy(n.vacancyId);
  const r = state.resume(n.resumeId);
  return {
    id: n.id,
    // guess: a state word outside the four reaches the API as its lower-case id (as the four do).
    state: n.rawState ? idName(n.rawState.toLowerCase(), n.rawState) : idName(n.state, NEGOTIATION_STATE_NAMES[n.state]),
    created_at: hhDate(n.createdAt),
    updated_at: hhDate(n.updatedAt),
    has_updates: n.hasUpdates,
    viewed_by_opponent: n.viewedByOpponent,
    messaging_status: n.state === 'discard' ? 'no_available' : 'ok',
    decline_allowed: n.state !== 'discard',
    hidden: false,
    source: 'NEGOTIATION',
    counters: { messages: n.message ? 1 : 0, unread_messages: n.hasUpdates ? 1 : 0 },
    url: `${API}/negotiations/${n.id}`,
    messages_url: `${API}/negotiations/${n.id}/messages`,
    vacancy: v ? negotiationVacancy(state, v) : null,
    resume: r ? resumeNano(r) : null,
    job_search_status: null,
    phone_calls: null,
  };
}
