/**
 * Seed data: realistic Russian users, resumes, employers and vacancies. Deterministic (a seeded PRNG;
 * times are relative to the clock at reset), so tests and the demo always see the same world.
 */
import { createHash } from 'node:crypto';
import type {
  Area,
  Employer,
  ExperienceId,
  Negotiation,
  NegotiationState,
  Resume,
  ResumeView,
  SandboxData,
  User,
  Vacancy,
} from './state';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The 38-hex-char resume hash for a site id: stable across runs. */
export function resumeHash(siteId: string): string {
  return createHash('sha256').update(`otklik-sandbox-resume-${siteId}`).digest('hex').slice(0, 38);
}

/** mulberry32: a tiny seeded PRNG. */
export function prng(seedValue: number): () => number {
  let a = seedValue >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const AREAS = {
  moscow: { id: '1', name: 'Москва' },
  spb: { id: '2', name: 'Санкт-Петербург' },
  ekb: { id: '3', name: 'Екатеринбург' },
  nsk: { id: '4', name: 'Новосибирск' },
  kazan: { id: '88', name: 'Казань' },
  nn: { id: '66', name: 'Нижний Новгород' },
  krasnodar: { id: '53', name: 'Краснодар' },
  samara: { id: '78', name: 'Самара' },
  almaty: { id: '160', name: 'Алматы' },
  minsk: { id: '1002', name: 'Минск' },
} satisfies Record<string, Area>;

const AREA_LIST: Area[] = Object.values(AREAS);

const USERS: User[] = [
  {
    id: '73514208',
    login: 'anna',
    firstName: 'Анна',
    lastName: 'Смирнова',
    middleName: 'Сергеевна',
    email: 'anna.smirnova@example.ru',
    phone: '+7 916 555-12-34',
    isApplicant: true,
    isEmployer: false,
  },
  {
    id: '73514209',
    login: 'boris',
    firstName: 'Борис',
    lastName: 'Кузнецов',
    middleName: 'Андреевич',
    email: 'boris.kuznetsov@example.ru',
    phone: '+7 921 555-43-21',
    isApplicant: true,
    isEmployer: false,
  },
  {
    id: '73514210',
    login: 'olga',
    firstName: 'Ольга',
    lastName: 'Павлова',
    middleName: 'Викторовна',
    email: 'o.pavlova@romashka-it.example.ru',
    phone: '+7 495 555-00-11',
    isApplicant: false,
    isEmployer: true,
  },
];

const EMPLOYER_NAMES: Array<[string, boolean]> = [
  ['Технологии Будущего', true],
  ['ООО «Ромашка» <b>IT</b>', true],
  ['Кофейня «Бодрое утро» ☕🚀', false],
  ['СофтЛайн Системс', true],
  ['Цифровые решения', true],
  ['Банк «Надёжный»', true],
  ['Маркетплейс «Всё рядом»', true],
  ['Студия «Пиксель»', false],
  ['ГК «Северсталь-Инфо»', true],
  ['Логистика Плюс', true],
  ['ТехноСервис', false],
  ['ИнфоТех Урал', true],
  ['Облачные Системы', true],
  ['Агентство «Мобильный мир»', false],
  ['ФинТех Лаб', true],
  ['Медиагруппа «Эфир»', true],
  ['Сибирские Технологии', true],
  ['Телеком-Восток', true],
  ['Аптечная сеть «Здоровье»', true],
  ['Транспортная компания «Магистраль»', true],
  ['ЭдТех «Знание»', true],
  ['Игровая студия «Полярная звезда»', false],
  ['Ритейл Групп', true],
  ['Казанский IT-парк', true],
  ['Интернет-магазин «Книжная полка»', false],
];

const EMPLOYERS: Employer[] = EMPLOYER_NAMES.map(([name, trusted], i) => ({
  id: String(1_455_000 + i * 37),
  name,
  logoUrl: i % 6 === 5 ? null : `https://hh.ru/employer-logo/${1_455_000 + i * 37}.png`,
  trusted,
}));

const FRONTEND_SKILLS = ['React', 'TypeScript', 'JavaScript', 'Redux', 'HTML5', 'CSS3', 'Git', 'Jest', 'Next.js', 'REST API'];
const ALL_SKILLS = [
  'React', 'TypeScript', 'JavaScript', 'Redux', 'HTML5', 'CSS3', 'Git', 'Jest', 'Next.js', 'REST API', 'Node.js',
  'PostgreSQL', 'Docker', 'Kubernetes', 'Vue.js', 'Angular', 'Python', 'Django', 'Go', 'Java', 'Spring', 'Kotlin',
  'SQL', 'Linux', 'CI/CD', 'GraphQL', 'Webpack', 'Figma', 'MobX', 'RxJS', 'Redis', 'Kafka', '1С: Предприятие 8',
  'Scrum', 'Agile', 'Английский язык', 'Работа в команде', 'SCSS', 'Vite', 'Playwright',
];

const TITLES: Array<[string, string[]]> = [
  ['Frontend-разработчик', ['JavaScript', 'TypeScript', 'React', 'HTML5', 'CSS3']],
  ['React-разработчик', ['React', 'TypeScript', 'Redux', 'Jest']],
  ['Младший frontend-разработчик', ['JavaScript', 'HTML5', 'CSS3', 'Git']],
  ['Senior Frontend Developer', ['React', 'TypeScript', 'Next.js', 'GraphQL', 'Webpack']],
  ['Fullstack-разработчик (Node.js, React)', ['Node.js', 'React', 'PostgreSQL', 'TypeScript', 'Docker']],
  ['Backend-разработчик Node.js', ['Node.js', 'TypeScript', 'PostgreSQL', 'Redis', 'Kafka']],
  ['Vue.js-разработчик', ['Vue.js', 'JavaScript', 'TypeScript', 'SCSS']],
  ['Angular-разработчик', ['Angular', 'TypeScript', 'RxJS']],
  ['Python-разработчик', ['Python', 'Django', 'PostgreSQL', 'Docker']],
  ['Go-разработчик', ['Go', 'PostgreSQL', 'Kubernetes', 'Kafka']],
  ['Java-разработчик', ['Java', 'Spring', 'SQL', 'Kafka']],
  ['Android-разработчик (Kotlin)', ['Kotlin', 'Git', 'REST API']],
  ['Тестировщик (QA-инженер)', ['Playwright', 'JavaScript', 'SQL', 'Git']],
  ['DevOps-инженер', ['Docker', 'Kubernetes', 'Linux', 'CI/CD']],
  ['Программист 1С', ['1С: Предприятие 8', 'SQL']],
  ['UI/UX-дизайнер', ['Figma', 'HTML5', 'CSS3']],
  ['Тимлид frontend-команды', ['React', 'TypeScript', 'Scrum', 'Agile', 'Работа в команде']],
  ['Веб-разработчик', ['JavaScript', 'HTML5', 'CSS3', 'REST API']],
  ['Аналитик данных', ['SQL', 'Python', 'Английский язык']],
  ['Системный администратор Linux', ['Linux', 'Docker', 'CI/CD']],
];

const EXPERIENCES: ExperienceId[] = ['noExperience', 'between1And3', 'between3And6', 'moreThan6'];

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

function description(name: string, skills: string[], employer: string): string {
  return [
    `<p><strong>${escapeHtml(employer)}</strong> ищет специалиста на позицию «${escapeHtml(name)}».</p>`,
    '<p><strong>Обязанности:</strong></p>',
    '<ul><li>разработка и поддержка продукта вместе с командой;</li><li>участие в код-ревью и планировании;</li><li>улучшение качества и производительности.</li></ul>',
    '<p><strong>Требования:</strong></p>',
    `<ul>${skills.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>`,
    '<p><strong>Условия:</strong></p>',
    '<ul><li>оформление по ТК РФ;</li><li>ДМС после испытательного срока;</li><li>гибкое начало рабочего дня.</li></ul>',
  ].join('');
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function handmadeVacancies(now: number): Vacancy[] {
  const base = {
    area: AREAS.moscow,
    schedule: 'remote' as const,
    employment: 'full' as const,
    archived: false,
    hasTest: false,
    testRequired: false,
    letterRequired: false,
    type: 'open' as const,
    directUrl: null,
  };
  const make = (v: Omit<Vacancy, keyof typeof base | 'description' | 'createdAt'> & Partial<Vacancy>): Vacancy => {
    const employer = EMPLOYERS.find((e) => e.id === v.employerId)!;
    return {
      ...base,
      description: description(v.name, v.keySkills, employer.name),
      createdAt: v.publishedAt,
      ...v,
    };
  };
  return [
    make({
      id: '70000001',
      name: 'Frontend-разработчик (React, TypeScript)',
      employerId: EMPLOYERS[0]!.id,
      salary: { from: 250_000, to: 350_000, currency: 'RUR', gross: false },
      experience: 'between3And6',
      keySkills: ['React', 'TypeScript', 'JavaScript', 'Redux', 'HTML5', 'CSS3', 'Git', 'Jest'],
      publishedAt: now - 2 * HOUR,
    }),
    make({
      id: '70000002',
      name: 'Frontend-разработчик в продуктовую команду',
      employerId: EMPLOYERS[1]!.id,
      salary: { from: 200_000, to: null, currency: 'RUR', gross: true },
      experience: 'between1And3',
      keySkills: ['React', 'TypeScript', 'Next.js', 'GraphQL'],
      letterRequired: true,
      publishedAt: now - 5 * HOUR,
    }),
    make({
      id: '70000003',
      name: 'Senior JavaScript-разработчик',
      employerId: EMPLOYERS[4]!.id,
      salary: { from: null, to: 400_000, currency: 'RUR', gross: false },
      experience: 'moreThan6',
      keySkills: ['JavaScript', 'TypeScript', 'Node.js', 'React'],
      hasTest: true,
      testRequired: true,
      publishedAt: now - 9 * HOUR,
    }),
    make({
      id: '70000004',
      name: 'React-разработчик (проект завершён)',
      employerId: EMPLOYERS[3]!.id,
      salary: null,
      experience: 'between1And3',
      keySkills: ['React', 'JavaScript', 'CSS3'],
      archived: true,
      publishedAt: now - 40 * DAY,
    }),
    make({
      id: '70000005',
      name: 'Frontend-разработчик (отклик на сайте компании)',
      employerId: EMPLOYERS[6]!.id,
      area: AREAS.spb,
      salary: { from: 180_000, to: 260_000, currency: 'RUR', gross: false },
      experience: 'between1And3',
      keySkills: ['React', 'TypeScript', 'HTML5'],
      type: 'direct',
      directUrl: 'https://jobs.vse-ryadom.example/vacancy/frontend-70000005',
      publishedAt: now - 26 * HOUR,
    }),
  ];
}

function generatedVacancies(now: number, rand: () => number): Vacancy[] {
  const out: Vacancy[] = [];
  for (let i = 0; i < 130; i++) {
    const [title, core] = pick(rand, TITLES);
    const employer = pick(rand, EMPLOYERS);
    const extra = ALL_SKILLS.filter(() => rand() < 0.04);
    const keySkills = [...new Set([...core, ...extra])].slice(0, 9);
    const experience = pick(rand, EXPERIENCES);
    const floor = { noExperience: 60, between1And3: 120, between3And6: 200, moreThan6: 280 }[experience];
    const shape = rand();
    const from = Math.round((floor + rand() * 80) / 5) * 5_000;
    const salary =
      shape < 0.2
        ? null
        : {
            from: shape < 0.35 ? null : from,
            to: shape > 0.75 ? null : from + Math.round((20 + rand() * 120) / 5) * 5_000,
            currency: 'RUR' as const,
            gross: rand() < 0.3,
          };
    const publishedAt = now - Math.floor(rand() * 30 * DAY) - HOUR;
    const id = String(70_000_006 + i);
    out.push({
      id,
      name: title,
      employerId: employer.id,
      area: i % 4 === 0 ? AREAS.moscow : pick(rand, AREA_LIST),
      salary,
      experience,
      schedule: pick(rand, ['fullDay', 'remote', 'flexible', 'shift'] as const),
      employment: rand() < 0.85 ? 'full' : pick(rand, ['part', 'project'] as const),
      keySkills,
      description: description(title, keySkills, employer.name),
      archived: false,
      hasTest: rand() < 0.1,
      testRequired: false,
      letterRequired: rand() < 0.1,
      type: 'open',
      directUrl: null,
      publishedAt,
      createdAt: publishedAt,
    });
  }
  return out;
}

/** Views spread over the last three weeks; the `fresh` newest are not yet seen; every 5th is anonymous. */
function views(now: number, rand: () => number, count: number, fresh: number, idBase: number): ResumeView[] {
  const out: ResumeView[] = [];
  let at = now - 20 * 60_000;
  for (let i = 0; i < count; i++) {
    out.push({
      id: String(idBase + i),
      at,
      employerId: i % 5 === 3 ? null : EMPLOYERS[(i * 7 + 1) % EMPLOYERS.length]!.id,
      viewed: i >= fresh,
    });
    at -= Math.floor(2 * HOUR + rand() * 15 * HOUR);
  }
  return out;
}

function resumes(now: number, rand: () => number): Resume[] {
  const anna = USERS[0]!.id;
  const boris = USERS[1]!.id;
  const annaExperience = [
    {
      company: 'Цифровые решения',
      position: 'Frontend-разработчик',
      start: '2021-03-01',
      end: null,
      description: 'Разработка личного кабинета на React и TypeScript, внедрение дизайн-системы, покрытие тестами (Jest, Playwright).',
      area: AREAS.moscow,
    },
    {
      company: 'Студия «Пиксель»',
      position: 'Верстальщик / junior frontend',
      start: '2018-09-01',
      end: '2021-02-28',
      description: 'Адаптивная вёрстка, интеграция с REST API, поддержка интернет-магазинов.',
      area: AREAS.moscow,
    },
  ];
  const common = {
    userId: anna,
    area: AREAS.moscow,
    experience: annaExperience,
    totalExperienceMonths: 86,
    moderationNotes: [] as string[],
    searchShows: 0,
    newSearchShows: 0,
    invitations: 0,
    newInvitations: 0,
    lastRaisedAt: null as number | null,
  };
  const r1Views = views(now, rand, 30, 3, 800_000);
  const r2Views = views(now - 3 * HOUR, rand, 28, 1, 800_100);
  const r5Views = views(now - 7 * HOUR, rand, 6, 1, 800_200);
  return [
    {
      ...common,
      id: '1001',
      hash: resumeHash('1001'),
      title: 'Frontend-разработчик (React, TypeScript)',
      status: 'published',
      access: 'everyone',
      skills: FRONTEND_SKILLS,
      salary: { amount: 280_000, currency: 'RUR' },
      progress: { percentage: 95, mandatory: [], recommended: ['Портфолио'] },
      totalViews: r1Views.length,
      newViews: 3,
      searchShows: 412,
      newSearchShows: 37,
      invitations: 4,
      newInvitations: 1,
      nextPublishAt: now - 25 * 60_000,
      createdAt: now - 400 * DAY,
      updatedAt: now - 4 * HOUR - 25 * 60_000,
      lastRaisedAt: now - 4 * HOUR - 25 * 60_000,
      views: r1Views,
    },
    {
      ...common,
      id: '1002',
      hash: resumeHash('1002'),
      title: 'Fullstack-разработчик Node.js',
      status: 'published',
      access: 'clients',
      skills: ['Node.js', 'TypeScript', 'React', 'PostgreSQL', 'Docker', 'REST API', 'Git'],
      salary: { amount: 300_000, currency: 'RUR' },
      progress: { percentage: 80, mandatory: ['Опыт работы: обязанности'], recommended: ['Фото', 'О себе'] },
      totalViews: r2Views.length,
      newViews: 1,
      searchShows: 198,
      newSearchShows: 12,
      invitations: 1,
      nextPublishAt: now + 2 * HOUR + 14 * 60_000,
      createdAt: now - 200 * DAY,
      updatedAt: now - HOUR - 46 * 60_000,
      lastRaisedAt: now - HOUR - 46 * 60_000,
      views: r2Views,
    },
    {
      ...common,
      id: '1003',
      hash: resumeHash('1003'),
      title: 'Тимлид frontend',
      status: 'not_published',
      access: 'no_one',
      skills: ['React', 'TypeScript', 'Scrum', 'Работа в команде'],
      salary: { amount: 400_000, currency: 'RUR' },
      progress: {
        percentage: 60,
        mandatory: ['Опыт работы: обязанности', 'Желаемая зарплата'],
        recommended: ['Фото', 'О себе', 'Рекомендации'],
      },
      totalViews: 0,
      newViews: 0,
      nextPublishAt: now,
      createdAt: now - 30 * DAY,
      updatedAt: now - 30 * DAY,
      views: [],
    },
    {
      ...common,
      id: '1004',
      hash: resumeHash('1004'),
      title: 'Разработчик 1С',
      status: 'blocked',
      access: 'everyone',
      skills: ['1С: Предприятие 8', 'SQL'],
      salary: { amount: 150_000, currency: 'RUR' },
      progress: { percentage: 70, mandatory: [], recommended: ['Фото'] },
      moderationNotes: ['В названии резюме указана не профессия', 'Уберите контакты из описания опыта'],
      totalViews: 2,
      newViews: 0,
      nextPublishAt: now,
      createdAt: now - 90 * DAY,
      updatedAt: now - 10 * DAY,
      views: [],
    },
    {
      id: '1005',
      hash: resumeHash('1005'),
      userId: boris,
      title: 'Python-разработчик',
      status: 'published',
      access: 'everyone',
      skills: ['Python', 'Django', 'PostgreSQL', 'Docker', 'Linux'],
      salary: { amount: 220_000, currency: 'RUR' },
      area: AREAS.spb,
      totalExperienceMonths: 48,
      experience: [
        {
          company: 'Логистика Плюс',
          position: 'Python-разработчик',
          start: '2022-01-10',
          end: null,
          description: 'Сервисы учёта грузов на Django, интеграции с партнёрами.',
          area: AREAS.spb,
        },
      ],
      progress: { percentage: 90, mandatory: [], recommended: ['Фото'] },
      moderationNotes: [],
      totalViews: r5Views.length,
      newViews: 1,
      searchShows: 88,
      newSearchShows: 5,
      invitations: 0,
      newInvitations: 0,
      nextPublishAt: now - HOUR,
      createdAt: now - 120 * DAY,
      updatedAt: now - 6 * HOUR,
      lastRaisedAt: now - 6 * HOUR,
      views: r5Views,
    },
  ];
}

function negotiations(now: number, vacancies: Vacancy[]): Negotiation[] {
  const anna = USERS[0]!.id;
  const plan: Array<[NegotiationState, number, string]> = [
    ['response', 2, '1001'],
    ['response', 3, '1001'],
    ['response', 6, '1002'],
    ['invitation', 4, '1001'],
    ['invitation', 9, '1002'],
    ['interview', 12, '1001'],
    ['discard', 5, '1001'],
    ['discard', 15, '1002'],
  ];
  return plan.map(([state, daysAgo, resumeId], i) => {
    const createdAt = now - daysAgo * DAY - (i + 1) * HOUR;
    const updatedAt = state === 'response' ? createdAt : createdAt + Math.min(daysAgo - 1, 2) * DAY + 3 * HOUR;
    return {
      id: String(4_100_000_001 + i),
      chatId: String(5_100_000_001 + i),
      userId: anna,
      resumeId,
      vacancyId: vacancies[5 + i * 3]!.id,
      state,
      message: i % 3 === 0 ? 'Здравствуйте! Меня заинтересовала ваша вакансия, буду рада обсудить.' : '',
      createdAt,
      updatedAt,
      viewedByOpponent: state !== 'response' || i === 1,
      hasUpdates: state === 'invitation' && i === 3,
      via: 'seed' as const,
    };
  });
}

export function seed(now: number): SandboxData {
  const rand = prng(20_261_125);
  const vacancies = [...handmadeVacancies(now), ...generatedVacancies(now, rand)];
  return {
    users: USERS.map((u) => ({ ...u })),
    employers: EMPLOYERS.map((e) => ({ ...e })),
    resumes: resumes(now, rand),
    vacancies,
    negotiations: negotiations(now, vacancies),
    raises: [],
    codes: [],
    tokens: [],
    sessions: [],
  };
}
