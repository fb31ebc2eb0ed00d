// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  belowMinimum,
  cardFromDom,
  cardFromItem,
  cardsFromState,
  parseStateFrom,
  readsCard,
  sameEmployer,
  stopWordIn,
  toggleListed,
  triageCard,
  type CardVacancy,
} from '../../lib/triage';
import { DEFAULT_TRIAGE, type Triage } from '../../lib/store';

/** A card of `vacancySearchResult.vacancies[]` as hh.ru's search page state carries it (hh-site.md "search page"). */
const ITEM = {
  vacancyId: 70000002,
  name: 'Frontend-разработчик в продуктовую команду',
  company: { id: 1455037, name: 'ООО Ромашка', visibleName: 'Ромашка' },
  compensation: { from: 200000, to: null, currencyCode: 'RUR', gross: true },
  area: { '@id': '1', name: 'Москва' },
  workExperience: 'between1And3',
  userLabels: [],
  links: { desktop: 'https://hh.ru/vacancy/70000002' },
};

function card(over: Partial<CardVacancy> = {}): CardVacancy {
  return {
    id: '1',
    name: 'Frontend-разработчик',
    employer: { id: '100', name: 'Ромашка' },
    salary: { from: 200_000, to: 300_000, currency: 'RUR', gross: false },
    area: 'Москва',
    experience: null,
    keySkills: [],
    ...over,
  };
}

const triage = (over: Partial<Triage> = {}): Triage => ({ ...DEFAULT_TRIAGE, ...over });

describe('a search card as the page state describes it', () => {
  it('reads name, employer, salary, area and experience; no key skills on a card as a rule', () => {
    expect(cardFromItem(ITEM)).toEqual({
      id: '70000002',
      name: 'Frontend-разработчик в продуктовую команду',
      employer: { id: '1455037', name: 'Ромашка' },
      salary: { from: 200000, to: null, currency: 'RUR', gross: true },
      area: 'Москва',
      experience: 'between1And3',
      keySkills: [],
    });
  });

  it('takes key skills where a card has them, and no salary from noCompensation', () => {
    const c = cardFromItem({ ...ITEM, keySkills: { keySkill: ['React', 'TypeScript'] }, compensation: { noCompensation: true } });
    expect(c?.keySkills).toEqual(['React', 'TypeScript']);
    expect(c?.salary).toBeNull();
  });

  it('an anonymous employer or an odd shape gives what it can, never a throw', () => {
    expect(cardFromItem({ ...ITEM, company: null })?.employer).toBeNull();
    expect(cardFromItem({ name: 'no id' })).toBeNull();
    expect(cardFromItem('x')).toBeNull();
    expect(cardsFromState('not json').size).toBe(0);
    expect(cardsFromState(JSON.stringify({ vacancySearchResult: { vacancies: [ITEM, 5] } })).get('70000002')?.name).toBe(ITEM.name);
  });

  it('reads the search result from the state without the translations before it, and only a top-level key', () => {
    const result = { vacancies: [ITEM], totalResults: 1 };
    // hh.ru's state: translations and experiments first (hh-site.md "Newer evidence"), one of them
    // mentioning the key inside a string, and a nested object that has a key of the same name.
    const text = JSON.stringify({
      translations: { 'serp.hint': 'Ключ "vacancySearchResult": не трогать' },
      experiments: { nested: { vacancySearchResult: { vacancies: [] } } },
      vacancySearchResult: result,
      userLabelsForVacancies: { '70000002': ['hidden'] },
    });
    expect(parseStateFrom(text, 'vacancySearchResult')).toEqual({ vacancySearchResult: result, userLabelsForVacancies: { '70000002': ['hidden'] } });
    expect(cardsFromState(parseStateFrom(text, 'vacancySearchResult')).get('70000002')?.name).toBe(ITEM.name);
    // Only nested: not the page's result, so the caller reads the whole state instead.
    expect(parseStateFrom(JSON.stringify({ a: { vacancySearchResult: result }, b: 1 }), 'vacancySearchResult')).toBeNull();
    expect(parseStateFrom(JSON.stringify({ translations: { x: '"vacancySearchResult":' } }), 'vacancySearchResult')).toBeNull();
    expect(parseStateFrom('{"vacancySearchResult":{"vacancies":[', 'vacancySearchResult')).toBeNull();
    expect(parseStateFrom(undefined, 'vacancySearchResult')).toBeNull();
  });

  it('a card the state does not describe is read from hh.ru’s markup', () => {
    document.body.innerHTML = `<article data-qa="vacancy-serp__vacancy"><h2><a data-qa="serp-item__title" href="https://hh.ru/vacancy/70000009?x=1"><span>Go-разработчик</span></a></h2>
      <span data-qa="vacancy-serp__vacancy-compensation"><data value="150000">150 000</data> – <data value="250000">250 000</data> ₽ за месяц, до вычета налогов</span>
      <div><a data-qa="vacancy-serp__vacancy-employer" href="/employer/1455074?hhtmFrom=vacancy_search_list"><span>Лаборатория</span></a></div>
      <div><span data-qa="vacancy-serp__vacancy-address">Казань</span></div></article>`;
    expect(cardFromDom(document.querySelector('article')!, '70000009')).toEqual({
      id: '70000009',
      name: 'Go-разработчик',
      employer: { id: '1455074', name: 'Лаборатория' },
      salary: { from: 150000, to: 250000, currency: 'RUR', gross: true },
      area: 'Казань',
      experience: null,
      keySkills: [],
    });
    document.querySelector('[data-qa="vacancy-serp__vacancy-compensation"]')!.innerHTML = 'до <data value="90000">90 000</data> ₽ за месяц, на руки';
    expect(cardFromDom(document.querySelector('article')!, '70000009')?.salary).toEqual({ from: null, to: 90000, currency: 'RUR', gross: false });
  });
});

describe('the person’s filters', () => {
  it('stop-words match whole words of a title, any case and ё; a trailing * takes any ending', () => {
    expect(stopWordIn('Программист 1С', ['1с'])).toBe('1с');
    expect(stopWordIn('Стажёр-разработчик', ['стажер'])).toBe('стажер');
    expect(stopWordIn('Java-разработчик', ['java'])).toBe('java');
    expect(stopWordIn('JavaScript-разработчик', ['java'])).toBeNull();
    expect(stopWordIn('Стажировка frontend', ['стаж*'])).toBe('стаж*');
    expect(stopWordIn('Frontend-разработчик', ['', '*', 'backend'])).toBeNull();
    expect(stopWordIn('Менеджер (C++)', ['c++'])).toBe('c++');
  });

  it('a minimum salary compares take-home pay on both sides, and never judges what it cannot', () => {
    const min = (amount: number | null, net = true) => ({ amount, currency: 'RUR', net });
    expect(belowMinimum({ from: 200_000, to: 300_000, currency: 'RUR', gross: false }, min(250_000))).toBe(false);
    expect(belowMinimum({ from: 100_000, to: 200_000, currency: 'RUR', gross: false }, min(250_000))).toBe(true);
    // 280 000 before tax is 243 600 in hand.
    expect(belowMinimum({ from: null, to: 280_000, currency: 'RUR', gross: true }, min(250_000))).toBe(true);
    // A minimum given before tax: 250 000 gross is 217 500 in hand.
    expect(belowMinimum({ from: null, to: 230_000, currency: 'RUR', gross: false }, min(250_000, false))).toBe(false);
    // "от 200 000" states its figure: that is what it promises.
    expect(belowMinimum({ from: 200_000, to: null, currency: 'RUR', gross: false }, min(250_000))).toBe(true);
    expect(belowMinimum(null, min(250_000))).toBe(false);
    expect(belowMinimum({ from: 3000, to: 4000, currency: 'USD', gross: false }, min(250_000))).toBe(false);
    expect(belowMinimum({ from: 1, to: 2, currency: 'RUR' }, min(null))).toBe(false);
  });

  it('employers match by id when both have one, else by name', () => {
    expect(sameEmployer({ id: '1', name: 'A' }, { id: '1', name: 'B' })).toBe(true);
    expect(sameEmployer({ id: '1', name: 'A' }, { id: '2', name: 'A' })).toBe(false);
    expect(sameEmployer({ id: null, name: ' ООО  Ёлка ' }, { id: '2', name: 'ооо елка' })).toBe(true);
    const list = toggleListed([], { id: '1', name: 'A' }, true);
    expect(toggleListed(list, { id: '1', name: 'A (new name)' }, true)).toEqual([{ id: '1', name: 'A (new name)' }]);
    expect(toggleListed(list, { id: '1', name: 'A' }, false)).toEqual([]);
  });

  it('a card folds for a hidden employer, a stop-word or a low salary, and says which', () => {
    expect(triageCard(card(), undefined, triage())).toEqual({ action: 'show', why: null, kind: null });
    const byEmployer = triageCard(card(), undefined, triage({ hiddenEmployers: [{ id: '100', name: 'Ромашка' }] }));
    expect(byEmployer).toEqual({ action: 'hide', kind: 'employer', why: { ru: 'скрытый работодатель «Ромашка»', en: 'hidden employer “Ромашка”' } });
    expect(triageCard(card(), undefined, triage({ stopWords: ['frontend*'] })).kind).toBe('stopword');
    expect(triageCard(card(), undefined, triage({ minSalary: { amount: 400_000, currency: 'RUR', net: true } })).kind).toBe('salary');
  });

  it('applied and rejected cards stay, dim or fold as the person chose', () => {
    const t = triage({ applied: 'dim', rejected: 'hide' });
    expect(triageCard(card(), 'response', t).action).toBe('dim');
    expect(triageCard(card(), 'interview', t).action).toBe('dim');
    expect(triageCard(card(), 'discard', t)).toMatchObject({ action: 'hide', kind: 'rejected' });
    expect(triageCard(card(), 'discard', triage()).action).toBe('show');
    expect(triageCard(card(), 'other', t).action).toBe('show');
  });

  it('only the employer list, stop-words and a minimum look at a card itself; applied and rejected choices go by the application alone', () => {
    expect(readsCard(triage({ applied: 'dim', rejected: 'hide' }))).toBe(false);
    expect(readsCard(triage({ hiddenEmployers: [{ id: null, name: 'Ромашка' }] }))).toBe(true);
    expect(readsCard(triage({ stopWords: ['1С'] }))).toBe(true);
    expect(readsCard(triage({ minSalary: { amount: 100_000, currency: 'RUR', net: true } }))).toBe(true);
  });
});

describe('the lists file', () => {
  it('what is saved loads back the same; anything else changes nothing', async () => {
    const { exportTriage, importTriage } = await import('../../components/options/Triage');
    const t = triage({ hiddenEmployers: [{ id: '1', name: 'Ромашка' }], stopWords: ['1С'], minSalary: { amount: 250_000, currency: 'RUR', net: false }, rejected: 'hide' });
    expect(importTriage(exportTriage(t))).toEqual(t);
    expect(importTriage('{"kind":"otklik-triage","version":1,"triage":{"stopWords":"not a list"}}')).toBeNull();
    expect(importTriage('{"triage":{}}')).toBeNull();
    expect(importTriage('<html>')).toBeNull();
    // A file from an older Otklik lacks newer fields: they take their defaults.
    expect(importTriage('{"kind":"otklik-triage","version":1,"triage":{"stopWords":["стаж*"]}}')).toEqual(triage({ stopWords: ['стаж*'] }));
  });
});
