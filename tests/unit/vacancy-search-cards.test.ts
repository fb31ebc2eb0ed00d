// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { vi } from 'vitest';
import { watchCards } from '../../components/search/cards';
import { hiddenVacancyIds } from '../../components/search/hidden';

const TAG = 'qwert-yuiop';

function card(id: string): string {
  return `<div data-qa="vacancy-serp__vacancy"><h2><span><a data-qa="serp-item__title" href="https://hh.ru/vacancy/${id}?query=react">Вакансия ${id}</a></span></h2>
<div data-qa="vacancy-serp__vacancy-employer">Компания</div></div>`;
}

/** Our marks, by vacancy id: the element right after each card's title link, if it is ours. */
function marked(): string[] {
  return [...document.querySelectorAll('[data-qa="serp-item__title"]')]
    .filter((a) => a.nextElementSibling?.localName === TAG)
    .map((a) => /vacancy\/(\d+)/.exec(a.getAttribute('href')!)![1]!);
}

let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  document.body.innerHTML = '';
});

describe('marks on search cards', () => {
  const marks = {
    tagName: TAG,
    states: { '70000011': 'response', '70000014': 'invitation', '70000017': 'discard', '70000020': 'other' } as const,
    dim: new Set(['70000015']),
  };

  it('marks the cards the user applied to, was invited on or rejected on, and nothing else', () => {
    document.body.innerHTML = `<main id="serp">${['70000010', '70000011', '70000014', '70000017', '70000020'].map(card).join('')}</main>`;
    stop = watchCards(marks);
    expect(marked()).toEqual(['70000011', '70000014', '70000017']);
    // Our mark is a shadow host: hh.ru's page sees an element it cannot look into.
    const host = document.querySelector(TAG)!;
    expect(host.shadowRoot).toBeNull();
    expect(host.attributes).toHaveLength(0);
  });

  it('marks cards that arrive later (rendering in stages, the next page), once each', async () => {
    document.body.innerHTML = `<main id="serp">${card('70000010')}</main>`;
    stop = watchCards(marks);
    document.getElementById('serp')!.insertAdjacentHTML('beforeend', card('70000011') + card('70000014'));
    await vi.waitFor(() => expect(marked()).toEqual(['70000011', '70000014']));
    document.getElementById('serp')!.insertAdjacentHTML('beforeend', card('70000017'));
    await vi.waitFor(() => expect(marked()).toEqual(['70000011', '70000014', '70000017']));
    expect(document.querySelectorAll(TAG)).toHaveLength(3);
  });

  it('marks the cards of a whole new list hh.ru puts in place of the old one (the next page without a reload)', async () => {
    document.body.innerHTML = `<main id="serp"><div id="list">${card('70000010')}</div></main>`;
    stop = watchCards(marks);
    const next = document.createElement('div');
    next.innerHTML = card('70000014') + card('70000017');
    document.getElementById('list')!.replaceWith(next);
    await vi.waitFor(() => expect(marked()).toEqual(['70000014', '70000017']));
  });

  it('puts a mark back when hh.ru re-renders the inside of a card', async () => {
    document.body.innerHTML = `<main id="serp">${card('70000011')}</main>`;
    stop = watchCards(marks);
    const h2 = document.querySelector('h2')!;
    h2.innerHTML = '<span><a data-qa="serp-item__title" href="https://hh.ru/vacancy/70000011">Вакансия 70000011</a></span>';
    await vi.waitFor(() => expect(marked()).toEqual(['70000011']));
    expect(document.querySelectorAll(TAG)).toHaveLength(1);
  });

  it('puts a mark back when hh.ru re-renders a card and drops it', async () => {
    document.body.innerHTML = `<main id="serp">${card('70000011')}</main>`;
    stop = watchCards(marks);
    document.querySelector(TAG)!.remove();
    await vi.waitFor(() => expect(marked()).toEqual(['70000011']));
  });

  it('dims the cards the user hid, when asked', () => {
    document.body.innerHTML = `<main>${card('70000015')}${card('70000016')}</main>`;
    stop = watchCards(marks);
    const [hidden, shown] = [...document.querySelectorAll<HTMLElement>('[data-qa="vacancy-serp__vacancy"]')];
    expect(hidden!.style.opacity).toBe('0.45');
    expect(shown!.style.opacity).toBe('');
  });

  it('leaves cards alone while hh.ru shows another page in place, and marks them all once back on a search page', async () => {
    let onSearch = false;
    document.body.innerHTML = `<main id="serp">${card('70000011')}</main>`;
    stop = watchCards({ ...marks, active: () => onSearch });
    document.getElementById('serp')!.insertAdjacentHTML('beforeend', card('70000014'));
    await new Promise((r) => setTimeout(r, 20));
    expect(marked()).toEqual([]);
    onSearch = true;
    document.getElementById('serp')!.insertAdjacentHTML('beforeend', card('70000017'));
    await vi.waitFor(() => expect(marked()).toEqual(['70000011', '70000014', '70000017']));
  });

  it('stops watching when asked', async () => {
    document.body.innerHTML = `<main id="serp"></main>`;
    watchCards(marks)();
    document.getElementById('serp')!.insertAdjacentHTML('beforeend', card('70000011'));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    expect(marked()).toEqual([]);
  });
});

/**
 * An IntersectionObserver the test drives: happy-dom has no layout, so the test says which cards
 * are near the screen, as the browser would after a frame.
 */
class FakeNearness {
  static last: FakeNearness | null = null;
  readonly watched = new Set<Element>();
  constructor(
    private readonly report: (entries: Array<Pick<IntersectionObserverEntry, 'target' | 'isIntersecting'>>) => void,
    readonly init?: IntersectionObserverInit,
  ) {
    FakeNearness.last = this;
  }
  observe(el: Element) {
    this.watched.add(el);
  }
  unobserve(el: Element) {
    this.watched.delete(el);
  }
  disconnect() {
    this.watched.clear();
  }
  /** The browser's report on the watched cards: `near` ones intersect the enlarged viewport. */
  frame(near: Element[]) {
    const entries = [...this.watched].map((target) => ({ target, isIntersecting: near.includes(target) }));
    if (entries.length) this.report(entries);
  }
}

describe('fit figures on search cards near the screen', () => {
  const CARD = '[data-qa="vacancy-serp__vacancy"]';
  const cards = () => [...document.querySelectorAll(CARD)];
  /** Our elements per card, in page order (a mark and a figure are each one). */
  const ours = () => cards().map((c) => c.querySelectorAll(TAG).length);
  const base = {
    tagName: TAG,
    states: { '70000011': 'response' } as const,
    dim: new Set<string>(),
    // The figure holds "hide employer" for a card that names its employer (these cards do).
    hideEmployer: () => Promise.resolve(null),
  };

  afterEach(() => {
    vi.unstubAllGlobals();
    FakeNearness.last = null;
  });

  it('marks every card at once, and scores and draws a figure only for the cards the browser says are near, once each', () => {
    vi.stubGlobal('IntersectionObserver', FakeNearness);
    document.body.innerHTML = `<main>${['70000010', '70000011', '70000012', '70000013'].map(card).join('')}</main>`;
    stop = watchCards(base);
    const io = FakeNearness.last!;
    // A screen above and below the visible part counts as near.
    expect(io.init?.rootMargin).toBe('100% 0px');
    expect(ours()).toEqual([0, 1, 0, 0]);
    const [a, b, c, d] = cards();
    io.frame([a!, b!]);
    expect(ours()).toEqual([1, 2, 0, 0]);
    // The figure stands after the mark, both after the title.
    expect(b!.querySelector('[data-qa="serp-item__title"]')!.nextElementSibling!.nextElementSibling!.localName).toBe(TAG);
    // Drawn cards are no longer watched; the person scrolls on and the last card comes near.
    expect([...io.watched]).toEqual([c, d]);
    io.frame([d!]);
    expect(ours()).toEqual([1, 2, 0, 1]);
    io.frame([a!, b!, c!, d!]);
    expect(ours()).toEqual([1, 2, 1, 1]);
    expect(io.watched.size).toBe(0);
  });

  it('draws the figure again on a card hh.ru re-rendered in view, and lets go of cards hh.ru removed', async () => {
    vi.stubGlobal('IntersectionObserver', FakeNearness);
    document.body.innerHTML = `<main id="serp">${card('70000010')}${card('70000012')}</main>`;
    stop = watchCards(base);
    const io = FakeNearness.last!;
    const [a, b] = cards();
    io.frame([a!]);
    expect(ours()).toEqual([1, 0]);
    // hh.ru re-renders the first card's title: our figure goes with it.
    a!.querySelector('h2')!.innerHTML = '<span><a data-qa="serp-item__title" href="https://hh.ru/vacancy/70000010">Вакансия 70000010</a></span>';
    await vi.waitFor(() => expect(io.watched.has(a!)).toBe(true));
    io.frame([a!]);
    expect(ours()).toEqual([1, 0]);
    b!.remove();
    await vi.waitFor(() => expect(io.watched.has(b!)).toBe(false));
  });

  it('without IntersectionObserver, every card gets its figure at once', () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    document.body.innerHTML = `<main>${['70000010', '70000011'].map(card).join('')}</main>`;
    stop = watchCards(base);
    expect(ours()).toEqual([1, 2]);
  });
});

describe('which vacancies the user hid, from the search page state', () => {
  it('reads hiding labels from the cards and from the per-vacancy label map', () => {
    const state = JSON.stringify({
      vacancySearchResult: {
        vacancies: [
          { vacancyId: 70000015, userLabels: ['HIDDEN'] },
          { vacancyId: 70000016, userLabels: ['response'] },
          { vacancyId: 70000018, userLabels: [] },
        ],
      },
      userLabelsForVacancies: { '70000019': ['employer_blacklisted'], '70000020': ['invitation'] },
    });
    expect([...hiddenVacancyIds(state)].sort()).toEqual(['70000015', '70000019']);
  });

  it('dims nothing when the state is missing or shaped unexpectedly', () => {
    expect(hiddenVacancyIds(null).size).toBe(0);
    expect(hiddenVacancyIds('{not json').size).toBe(0);
    expect(hiddenVacancyIds('{"vacancySearchResult":{"vacancies":"no"},"userLabelsForVacancies":[1]}').size).toBe(0);
  });
});
