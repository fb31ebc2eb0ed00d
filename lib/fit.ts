/**
 * How well a resume fits a vacancy: a 0-100 score and one line that says why, in Russian and
 * English. Pure: it sees only the two domain objects. Parts the data does not cover (a site resume
 * without skills, a vacancy without a salary) are left out rather than counted as misses.
 */
import type { Resume, Vacancy } from './hh/model';
import type { Text } from './i18n';

/** The parts of a fit, in the order people weigh them. */
export type FitPartName = 'skills' | 'salary' | 'experience' | 'title' | 'area';

export interface Fit {
  score: number;
  explain: Text;
  /** The parts there was data for: a card without key skills is judged on fewer. */
  judged: FitPartName[];
}

/** What fitScore reads of a resume: the snapshot's resumes and the compact copies search pages get. */
export type FitResume = Pick<Resume, 'title' | 'skills' | 'salary' | 'area' | 'experienceMonths'>;
/** What fitScore reads of a vacancy: a full one, or a search card's (no key skills there, as a rule). */
export type FitVacancy = Pick<Vacancy, 'name' | 'keySkills' | 'salary' | 'experience' | 'area'>;

/** Weights of the parts; the parts that can be judged are rescaled to 100. */
const WEIGHT = { skills: 50, title: 20, experience: 15, salary: 10, area: 5 } as const;

/** A few spellings people use for the same skill; both sides map to the right-hand name. */
const SYNONYMS: Record<string, string> = {
  js: 'javascript',
  ecmascript: 'javascript',
  ts: 'typescript',
  reactjs: 'react',
  vuejs: 'vue',
  vue3: 'vue',
  nodejs: 'node',
  nextjs: 'next',
  golang: 'go',
  postgres: 'postgresql',
  psql: 'postgresql',
  k8s: 'kubernetes',
  html5: 'html',
  css3: 'css',
  restapi: 'rest',
  restful: 'rest',
  английскийязык: 'english',
  английский: 'english',
  фронтенд: 'frontend',
  бэкенд: 'backend',
  бекенд: 'backend',
  фулстек: 'fullstack',
};

/**
 * Remembered keys and title words: a search page scores every card against every resume, so the
 * same skills and titles come back hundreds of times (measured: 100 cards x 2 resumes took 13-18 ms
 * of regex work without it, on a page whose own script runs ~40 ms). Bounded: cleared when full.
 */
function remembered<T>(compute: (s: string) => T): (s: string) => T {
  const known = new Map<string, T>();
  return (s) => {
    let v = known.get(s);
    if (v === undefined) {
      if (known.size >= 4000) known.clear();
      known.set(s, (v = compute(s)));
    }
    return v;
  };
}

/** "React.js" -> "react", " Node JS " -> "node", "Ёлка" -> "елка". */
export const skillKey = remembered((skill: string): string => {
  const flat = skill.toLowerCase().replace(/ё/g, 'е').replace(/[\s._\-/]+/g, '');
  return SYNONYMS[flat] ?? flat;
});

/**
 * Words that say nothing about which job it is: every second title has "разработчик", and
 * seniority is judged by the experience part.
 */
const GENERIC_TITLE_WORDS = new Set([
  'разработчик', 'developer', 'программист', 'инженер', 'engineer', 'специалист', 'specialist',
  'senior', 'middle', 'junior', 'lead', 'младший', 'старший', 'ведущий', 'главный',
  'для', 'на', 'по', 'and', 'of',
]);

/**
 * Word separators: anything but a letter, a digit, + and #. A \p{L} class costs V8 1-2 ms to
 * compile, once in every page a content script scores cards in (measured); lower-case ASCII and
 * Russian, most titles on hh.ru, have exactly [a-z0-9а-яё] as their letters and digits, so they
 * split without it, and only other alphabets (Kazakh, Georgian, ...) pay for \p{L}.
 */
const ASCII_OR_RUSSIAN = /^[\x00-\x7fа-яё]*$/;
const NOT_WORD_PLAIN = /[^a-z0-9а-яё+#]+/;
const NOT_WORD = /[^\p{L}\p{N}+#]+/u;

/** Telling words of a job title: "Frontend-разработчик (React)" -> frontend, react. Read-only: shared. */
const titleWords = remembered((title: string): ReadonlySet<string> => {
  const lower = title.toLowerCase().replace(/ё/g, 'е');
  const words = lower
    .split(ASCII_OR_RUSSIAN.test(lower) ? NOT_WORD_PLAIN : NOT_WORD)
    .filter((w) => w.length > 1 && !GENERIC_TITLE_WORDS.has(w))
    .map(skillKey);
  return new Set(words);
});

/** Months of experience each hh experience bracket asks for, at least. */
const EXPERIENCE_MIN_MONTHS: Record<string, number> = {
  noExperience: 0,
  between1And3: 12,
  between3And6: 36,
  moreThan6: 72,
};

/** Personal income tax: a gross ("до вычета") salary is compared as what the person gets. */
export const NET_OF_GROSS = 0.87;

interface Part {
  name: FitPartName;
  weight: number;
  /** 0..1 */
  value: number;
  note: Text | null;
}

/** A resume's skills as keys, once per resume's list (the same list is asked about for every card). */
const skillSets = new WeakMap<readonly string[], ReadonlySet<string>>();
function skillSet(skills: readonly string[]): ReadonlySet<string> {
  let set = skillSets.get(skills);
  if (!set) skillSets.set(skills, (set = new Set(skills.map(skillKey))));
  return set;
}

function skillsPart(resume: FitResume, vacancy: FitVacancy): Part | null {
  const wanted = [...new Set(vacancy.keySkills.map(skillKey).filter(Boolean))];
  if (wanted.length === 0 || !resume.skills?.length) return null;
  const have = skillSet(resume.skills);
  const matched = wanted.filter((s) => have.has(s)).length;
  return {
    name: 'skills',
    weight: WEIGHT.skills,
    value: matched / wanted.length,
    note: {
      ru: `${matched} из ${wanted.length} ${skillWordRu(wanted.length)}`,
      en: `${matched} of ${wanted.length} ${wanted.length === 1 ? 'skill' : 'skills'}`,
    },
  };
}

/** "из 1 навыка", "из 5 навыков": after «из» Russian takes the genitive. */
function skillWordRu(n: number): string {
  return n % 10 === 1 && n % 100 !== 11 ? 'навыка' : 'навыков';
}

function titlePart(resume: FitResume, vacancy: FitVacancy): Part | null {
  const want = titleWords(vacancy.name);
  const have = titleWords(resume.title);
  if (want.size === 0 || have.size === 0) return null;
  const common = [...want].filter((w) => have.has(w)).length;
  const value = Math.min(1, common / Math.min(want.size, have.size));
  const note =
    value >= 0.5
      ? { ru: 'должность совпадает', en: 'title matches' }
      : value === 0
        ? { ru: 'другая должность', en: 'different role' }
        : null;
  return { name: 'title', weight: WEIGHT.title, value, note };
}

function experiencePart(resume: FitResume, vacancy: FitVacancy): Part | null {
  const need = vacancy.experience ? EXPERIENCE_MIN_MONTHS[vacancy.experience] : undefined;
  const have = resume.experienceMonths;
  if (need === undefined || have == null) return null;
  if (need === 0 || have >= need) return { name: 'experience', weight: WEIGHT.experience, value: 1, note: null };
  return {
    name: 'experience', weight: WEIGHT.experience,
    value: have / need,
    note: { ru: 'опыта меньше требуемого', en: 'less experience than asked' },
  };
}

function salaryPart(resume: FitResume, vacancy: FitVacancy): Part | null {
  const ask = resume.salary?.amount;
  const offer = vacancy.salary;
  if (!ask || !offer || (offer.from == null && offer.to == null)) return null;
  if (resume.salary?.currency && offer.currency && resume.salary.currency !== offer.currency) return null;
  const k = offer.gross ? NET_OF_GROSS : 1;
  const from = offer.from != null ? offer.from * k : null;
  const to = offer.to != null ? offer.to * k : null;
  if (to != null && ask > to) {
    return {
      name: 'salary', weight: WEIGHT.salary,
      value: Math.max(0, 1 - ((ask - to) / to) * 2),
      note: { ru: 'зарплата выше вилки', en: 'salary above range' },
    };
  }
  if (from != null && ask < from) {
    return { name: 'salary', weight: WEIGHT.salary, value: 1, note: { ru: 'зарплата ниже вилки', en: 'salary below range' } };
  }
  return { name: 'salary', weight: WEIGHT.salary, value: 1, note: { ru: 'зарплата в вилке', en: 'salary in range' } };
}

function areaPart(resume: FitResume, vacancy: FitVacancy): Part | null {
  if (!resume.area || !vacancy.area) return null;
  const same = resume.area.trim().toLowerCase() === vacancy.area.trim().toLowerCase();
  return {
    name: 'area', weight: WEIGHT.area,
    value: same ? 1 : 0,
    note: same ? null : { ru: 'другой город', en: 'another city' },
  };
}

const NO_DATA: Fit = { score: 0, explain: { ru: 'нет данных для оценки', en: 'not enough data to judge' }, judged: [] };

/** How each part reads after «по» / "by": "по названию и зарплате", "by title and salary". */
const PART_WORD: Record<FitPartName, Text> = {
  skills: { ru: 'навыкам', en: 'skills' },
  salary: { ru: 'зарплате', en: 'salary' },
  experience: { ru: 'опыту', en: 'experience' },
  title: { ru: 'названию', en: 'title' },
  area: { ru: 'городу', en: 'city' },
};

/** The order the basis names the parts in: what the person looks at first. */
const BASIS_ORDER: FitPartName[] = ['title', 'skills', 'salary', 'experience', 'area'];

function joinWords(words: string[], and: string): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} ${and} ${words.at(-1)}`;
}

/**
 * What a score rests on, when it is less than the whole picture: null when skills were judged (the
 * panel's full vacancy), else "по названию и зарплате" / "by title and salary" (a search card
 * carries no key skills as a rule, hh-site.md "search page").
 */
export function fitBasis(fit: Pick<Fit, 'judged'>): Text | null {
  if (fit.judged.length === 0 || fit.judged.includes('skills')) return null;
  const parts = BASIS_ORDER.filter((p) => fit.judged.includes(p));
  return {
    ru: `по ${joinWords(parts.map((p) => PART_WORD[p].ru), 'и')}`,
    en: `by ${joinWords(parts.map((p) => PART_WORD[p].en), 'and')}`,
  };
}

/** The one line a search card shows on hover: the reasons, then what they rest on when that is partial. */
export function fitLine(fit: Fit): Text {
  const basis = fitBasis(fit);
  if (!basis) return fit.explain;
  return { ru: `${fit.explain.ru} (${basis.ru})`, en: `${fit.explain.en} (${basis.en})` };
}

export function fitScore(resume: FitResume, vacancy: FitVacancy): Fit {
  const parts = [
    skillsPart(resume, vacancy),
    salaryPart(resume, vacancy),
    experiencePart(resume, vacancy),
    titlePart(resume, vacancy),
    areaPart(resume, vacancy),
  ].filter((p): p is Part => p !== null);
  const total = parts.reduce((s, p) => s + p.weight, 0);
  if (total === 0) return NO_DATA;
  const judged = parts.map((p) => p.name);
  const score = Math.round((parts.reduce((s, p) => s + p.weight * p.value, 0) / total) * 100);
  // One line: at most three notes, in the order people weigh them (skills, money, experience, ...).
  const notes = parts.flatMap((p) => (p.note ? [p.note] : [])).slice(0, 3);
  if (notes.length === 0) return { score, explain: score >= 50 ? { ru: 'подходит', en: 'fits' } : NO_DATA.explain, judged };
  return {
    score,
    explain: { ru: notes.map((n) => n.ru).join(', '), en: notes.map((n) => n.en).join(', ') },
    judged,
  };
}

/** The best of several resumes for one vacancy (ties: the earlier one), or null with no resumes. */
export function bestFit<R extends FitResume>(resumes: readonly R[], vacancy: FitVacancy): (Fit & { resume: R }) | null {
  let best: (Fit & { resume: R }) | null = null;
  for (const resume of resumes) {
    const fit = fitScore(resume, vacancy);
    if (!best || fit.score > best.score) best = { ...fit, resume };
  }
  return best;
}
