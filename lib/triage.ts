/**
 * Search triage, pure: a search card's vacancy as the page's state (or, failing that, its DOM)
 * describes it, and what the person's own filters do with it: show, dim, or fold away, and why.
 * Runs in the search content script: types only from the store and the model, so no zod lands there.
 */
import type { NegotiationState, Salary } from './hh/model';
import type { CardAction, ListedEmployer, Triage } from './store';
import type { FitVacancy } from './fit';
import type { Text } from './i18n';
import { NET_OF_GROSS } from './fit';

export interface CardVacancy extends FitVacancy {
  id: string;
  employer: ListedEmployer | null;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * `vacancySearchResult.vacancies[]` (hh-site.md, "search page"): name, company{id, visibleName},
 * compensation{from, to, currencyCode, gross} or {noCompensation}, area{name}, workExperience, and
 * keySkills{keySkill[]} where present (guess: no capture shows skills on cards; taken when there).
 */
export function cardFromItem(item: unknown): CardVacancy | null {
  if (!isObj(item)) return null;
  const id = str(item['vacancyId']);
  const name = str(item['name']);
  if (!id || !/^\d{1,12}$/.test(id) || !name) return null;
  const company = isObj(item['company']) ? item['company'] : null;
  const companyName = company ? (str(company['visibleName']) ?? str(company['name'])) : null;
  const companyId = company ? str(company['id']) : null;
  const c = isObj(item['compensation']) ? item['compensation'] : null;
  const from = c ? num(c['from']) : null;
  const to = c ? num(c['to']) : null;
  const salary: Salary | null =
    c && !c['noCompensation'] && (from != null || to != null)
      ? { from, to, currency: str(c['currencyCode']), gross: typeof c['gross'] === 'boolean' ? c['gross'] : null }
      : null;
  const ks = item['keySkills'];
  const skills = isObj(ks) ? ks['keySkill'] : ks;
  return {
    id,
    name,
    employer: companyName ? { id: companyId && /^\d{1,12}$/.test(companyId) ? companyId : null, name: companyName.slice(0, 300) } : null,
    salary,
    area: isObj(item['area']) ? str(item['area']['name']) : null,
    experience: str(item['workExperience']),
    keySkills: Array.isArray(skills) ? skills.filter((s): s is string => typeof s === 'string') : [],
  };
}

/** The page's state text, parsed once for everyone who reads it (~900 KB on hh.ru); null if it is not JSON. */
export function parseState(text: string | null | undefined): unknown {
  try {
    return JSON.parse(text ?? '');
  } catch {
    return null;
  }
}

/**
 * The top-level keys of a page's state from `key` on, without parsing what comes before it:
 * hh.ru's state is ~500 KB, most of it translations and experiments (hh-site.md, "Newer
 * evidence"), and a search page's cards need `vacancySearchResult` alone. The state is one JSON
 * object, so `{` followed by its text from `"key":` on is valid JSON exactly when that key is at
 * the top level: an object of that key and every key after it (one inside a string has its quotes
 * escaped; one in a nested object leaves a closing brace over, which JSON.parse refuses).
 * Null when the key is not found at the top level: then read the whole state (parseState).
 */
export function parseStateFrom(text: string | null | undefined, key: string): Obj | null {
  if (!text) return null;
  const needle = `"${key}":`;
  // A nested key of the same name fails fast (right after its own value): a few are tried.
  for (let at = text.indexOf(needle), tries = 0; at >= 0 && tries < 3; at = text.indexOf(needle, at + 1), tries++) {
    try {
      const tail: unknown = JSON.parse(`{${text.slice(at)}`);
      if (isObj(tail)) return tail;
    } catch {
      // not at the top level
    }
  }
  return null;
}

/** The cards a page's state describes, by vacancy id. */
export interface CardIndex {
  /** Items that name a vacancy id. */
  readonly size: number;
  /** The card of that vacancy; undefined when the state has none (or an unusable one). */
  get(id: string): CardVacancy | undefined;
}

/**
 * Every card the page's state (parsed, or its text) describes, by vacancy id; an unknown shape
 * gives none. Each item is read into a card when first asked for: a 100-card page scores and
 * draws only the cards near the screen, and with no filter set nothing else reads a card.
 */
export function cardsFromState(stateOrText: unknown): CardIndex {
  const state = typeof stateOrText === 'string' ? parseState(stateOrText) : stateOrText;
  const result = isObj(state) ? state['vacancySearchResult'] : null;
  const list = isObj(result) && Array.isArray(result['vacancies']) ? result['vacancies'] : [];
  const items = new Map<string, unknown>();
  for (const item of list) {
    const id = isObj(item) ? str(item['vacancyId']) : null;
    if (id && !items.has(id)) items.set(id, item);
  }
  const read = new Map<string, CardVacancy | null>();
  return {
    size: items.size,
    get(id) {
      let card = read.get(id);
      if (card === undefined) read.set(id, (card = items.has(id) ? cardFromItem(items.get(id)) : null));
      return card ?? undefined;
    },
  };
}

const CURRENCY_SIGN: Record<string, string> = { '₽': 'RUR', '₸': 'KZT', Br: 'BYR', $: 'USD', '€': 'EUR', сум: 'UZS' };

/**
 * A card the state does not describe (hh.ru drew it after an in-page change): what its markup says
 * (hh-site.md, "DOM anchors" and the 2026-09-08 capture: salary figures in `<data value>`, "до
 * вычета налогов" for gross, the employer link `/employer/<id>`). No skills, no experience.
 */
export function cardFromDom(card: Element, id: string): CardVacancy | null {
  const name = card.querySelector('[data-qa="serp-item__title"]')?.textContent?.trim();
  if (!name) return null;
  const link = card.querySelector('[data-qa="vacancy-serp__vacancy-employer"]');
  const employerName = link?.textContent?.trim();
  const employerId = /\/employer\/(\d{1,12})/.exec(link?.getAttribute('href') ?? '')?.[1] ?? null;
  const pay = card.querySelector('[data-qa="vacancy-serp__vacancy-compensation"]');
  let salary: Salary | null = null;
  if (pay) {
    const text = pay.textContent ?? '';
    const values = [...pay.querySelectorAll('data')].map((d) => Number(d.getAttribute('value'))).filter(Number.isFinite);
    const sign = Object.keys(CURRENCY_SIGN).find((k) => text.includes(k));
    const gross = /до вычета|before tax/i.test(text);
    const currency = sign ? CURRENCY_SIGN[sign] : null;
    if (values.length >= 2) salary = { from: values[0]!, to: values[1]!, currency, gross };
    else if (values.length === 1) {
      salary = /^\s*до\s|^\s*up to/i.test(text) ? { from: null, to: values[0]!, currency, gross } : { from: values[0]!, to: null, currency, gross };
    }
  }
  return {
    id,
    name,
    employer: employerName ? { id: employerId, name: employerName.slice(0, 300) } : null,
    salary,
    area: card.querySelector('[data-qa="vacancy-serp__vacancy-address"]')?.textContent?.trim() || null,
    experience: null,
    keySkills: [],
  };
}

const norm = (s: string) => s.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();

/** The same employer: by hh.ru's id when both have one, else by name (lists filled in by hand). */
export function sameEmployer(a: ListedEmployer, b: ListedEmployer): boolean {
  if (a.id && b.id) return a.id === b.id;
  return norm(a.name) === norm(b.name);
}

export const listed = (list: readonly ListedEmployer[], e: ListedEmployer | null | undefined): boolean =>
  !!e && list.some((x) => sameEmployer(x, e));

/** Adds or removes one employer, keeping the list free of doubles. */
export function toggleListed(list: readonly ListedEmployer[], e: ListedEmployer, on: boolean): ListedEmployer[] {
  const rest = list.filter((x) => !sameEmployer(x, e));
  return on ? [...rest, e] : rest;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The first stop-word found in a title: whole words, `*` at the end for any ending. */
export function stopWordIn(title: string, words: readonly string[]): string | null {
  if (words.length === 0) return null;
  const t = norm(title);
  for (const raw of words) {
    const w = norm(raw);
    const stem = w.replace(/\*+$/, '');
    if (!stem) continue;
    const tail = w.endsWith('*') ? '' : '(?![\\p{L}\\p{N}])';
    if (new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(stem)}${tail}`, 'u').test(t)) return raw.trim();
  }
  return null;
}

/**
 * Below the person's minimum: the best the vacancy offers (its upper figure, or its only one),
 * take-home on both sides. No salary, another currency: not judged, never hidden.
 */
export function belowMinimum(salary: Salary | null | undefined, min: Triage['minSalary']): boolean {
  if (min.amount == null || min.amount <= 0 || !salary) return false;
  const top = salary.to ?? salary.from;
  if (top == null) return false;
  if (salary.currency && min.currency && salary.currency !== min.currency) return false;
  const offered = salary.gross ? top * NET_OF_GROSS : top;
  const wanted = min.net ? min.amount : min.amount * NET_OF_GROSS;
  return offered < wanted;
}

/**
 * Whether the person's filters look at a card's own data (employer, title, salary); when not, a
 * verdict rests on the application state alone and no card needs reading.
 */
export function readsCard(t: Triage): boolean {
  return t.hiddenEmployers.length > 0 || t.stopWords.length > 0 || (t.minSalary.amount ?? 0) > 0;
}

export type Verdict = { action: CardAction; why: Text | null; kind: 'employer' | 'stopword' | 'salary' | 'applied' | 'rejected' | null };

const SHOW: Verdict = { action: 'show', why: null, kind: null };

/** What the person's filters do with one card; the first reason that folds it wins. */
export function triageCard(card: CardVacancy, state: NegotiationState | undefined, t: Triage): Verdict {
  if (card.employer && listed(t.hiddenEmployers, card.employer)) {
    const n = card.employer.name;
    return { action: 'hide', kind: 'employer', why: { ru: `скрытый работодатель «${n}»`, en: `hidden employer “${n}”` } };
  }
  const word = stopWordIn(card.name, t.stopWords);
  if (word) return { action: 'hide', kind: 'stopword', why: { ru: `стоп-слово «${word}»`, en: `stop-word “${word}”` } };
  if (belowMinimum(card.salary, t.minSalary)) {
    return { action: 'hide', kind: 'salary', why: { ru: 'зарплата ниже вашего минимума', en: 'salary below your minimum' } };
  }
  if (state === 'discard' && t.rejected !== 'show') {
    return { action: t.rejected, kind: 'rejected', why: { ru: 'здесь был отказ', en: 'rejected here' } };
  }
  if ((state === 'response' || state === 'invitation' || state === 'interview') && t.applied !== 'show') {
    return { action: t.applied, kind: 'applied', why: { ru: 'вы уже откликались', en: 'you already applied' } };
  }
  return SHOW;
}
