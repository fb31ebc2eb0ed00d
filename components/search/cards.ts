/**
 * Marks and triages search cards as hh.ru renders them: the first batch, the ones arriving in
 * stages, and the next pages. Mutations are gathered into one pass a frame; each card is decorated
 * once (again only if hh.ru re-rendered it and dropped our elements) and judged again only when
 * the person's lists change.
 * Test URLs: https://hh.ru/search/vacancy?text=react , https://hh.ru/search/vacancy?text=react&page=1
 */
import type { NegotiationState } from '../../lib/hh/model';
import type { ListedEmployer, Triage } from '../../lib/store';
import type { FitResume } from '../../lib/messages';
import { vacancyIdFromPath } from '../../lib/hh/sites';
import { bestFit, fitLine } from '../../lib/fit';
import { tr } from '../../lib/i18n';
import { cardFromDom, triageCard, type CardVacancy } from '../../lib/triage';
import { createBadge } from './badge';
import { createCounter, createFit, createStub, type FitView } from './triage';
import { onDomChange } from '../ui/onDomChange';
import { T } from './strings';

const CARD = '[data-qa="vacancy-serp__vacancy"]';
const TITLE = '[data-qa="serp-item__title"]';
const RESULTS = '[data-qa="vacancy-serp__results"]';
/** Dimmed, not hidden: the user can still see what hh.ru shows. */
const DIM_OPACITY = '0.45';

export interface CardMarks {
  tagName: string;
  states: Record<string, NegotiationState>;
  /** Vacancy ids to dim (the user hid them on hh.ru), when the option is on. */
  dim: Set<string>;
  /** The cards the page's state describes, by vacancy id; others are read from their markup. */
  cards?: Map<string, CardVacancy>;
  /** The person's resumes, as fit scoring reads them: none, no figures. */
  resumes?: FitResume[];
  triage?: Triage;
  /** Puts the employer on the hidden list; resolves with the lists as stored, null when refused. */
  hideEmployer?: (employer: ListedEmployer) => Promise<Triage | null>;
}

interface Decor {
  id: string;
  /** Why the stub says the card is hidden. */
  stubKind?: string;
  data: CardVacancy | null;
  /** Our elements in the card; hh.ru dropping one means the card was re-rendered. */
  ours: Element[];
  stub: Element | null;
  /** The lists' version this card was judged against. */
  judged: number;
  hidden: boolean;
}

function vacancyIdOf(title: Element): string | null {
  const href = title.getAttribute('href');
  if (!href) return null;
  try {
    return vacancyIdFromPath(new URL(href, location.href).pathname);
  } catch {
    return null;
  }
}

function fitOf(marks: CardMarks, data: CardVacancy | null): FitView | null {
  if (!data || !marks.resumes?.length || marks.triage?.fitOnCards === false) return null;
  const best = bestFit(marks.resumes, data);
  if (!best) return null;
  return { score: best.score, reason: tr(T.fitReason, { resume: best.resume.title, reason: tr(fitLine(best)) }) };
}

/** Starts marking; returns how to stop (leaving the marks already made). */
export function watchCards(marks: CardMarks): () => void {
  const done = new WeakMap<Element, Decor | null>();
  /** Stubs standing for cards, to drop when hh.ru replaces the card. */
  const stubs = new Map<Element, Element>();
  /** Cards the person chose to see anyway, for this page view. */
  const revealed = new Set<string>();
  let version = 0;
  const counter = marks.triage ? createCounter(marks.tagName) : null;

  const decorate = (card: Element): Decor | null => {
    const title = card.querySelector(TITLE);
    const id = title && vacancyIdOf(title);
    if (!title || !id) return null;
    const data = marks.cards?.get(id) ?? cardFromDom(card, id);
    const ours: Element[] = [];
    const state = marks.states[id];
    const badge = state ? createBadge(marks.tagName, state) : null;
    if (badge) ours.push(badge);
    const fit = fitOf(marks, data);
    const employer = data?.employer ?? null;
    const hide = marks.hideEmployer && employer ? () => void hideEmployer(employer) : null;
    if (fit || hide) ours.push(createFit(marks.tagName, fit, employer?.name ?? null, hide));
    title.after(...ours);
    return { id, data, ours, stub: null, judged: -1, hidden: false };
  };

  const judge = (card: HTMLElement, d: Decor) => {
    d.judged = version;
    const verdict = d.data && marks.triage && !revealed.has(d.id) ? triageCard(d.data, marks.states[d.id], marks.triage) : null;
    d.hidden = verdict?.action === 'hide';
    // A stub that gives an old reason goes; the card gets one with the reason that holds now.
    if (d.stub && (!d.hidden || d.stubKind !== verdict?.kind)) {
      d.stub.remove();
      stubs.delete(d.stub);
      d.stub = null;
    }
    if (d.hidden && !d.stub && verdict?.why) {
      d.stub = createStub(marks.tagName, d.data?.name ?? '', verdict.why, verdict.kind ?? '', () => {
        revealed.add(d.id);
        version++;
        pass();
      });
      d.stubKind = verdict.kind ?? '';
      card.before(d.stub);
      stubs.set(d.stub, card);
    }
    if (d.hidden) card.style.setProperty('display', 'none', 'important');
    else card.style.removeProperty('display');
    const dim = verdict?.action === 'dim' || marks.dim.has(d.id);
    card.style.opacity = dim ? DIM_OPACITY : '';
  };

  const pass = () => {
    let hidden = 0;
    for (const card of document.querySelectorAll<HTMLElement>(CARD)) {
      let d = done.get(card);
      if (d === undefined || (d && d.ours.some((el) => !card.contains(el)))) {
        for (const el of d?.ours ?? []) el.remove();
        const old = d;
        d = decorate(card);
        if (d && old?.stub) Object.assign(d, { stub: old.stub, stubKind: old.stubKind });
        done.set(card, d);
      }
      if (!d) continue;
      if (d.judged !== version) judge(card, d);
      if (d.hidden) hidden++;
    }
    for (const [stub, card] of stubs) {
      if (!card.isConnected) {
        stub.remove();
        stubs.delete(stub);
      }
    }
    if (counter) {
      const first = document.querySelector(CARD);
      const list = document.querySelector(RESULTS) ?? first?.parentElement;
      if (list && !counter.host.isConnected) list.before(counter.host);
      counter.set(hidden, marks.triage?.fitOnCards !== false && !marks.resumes?.length);
    }
  };

  async function hideEmployer(employer: ListedEmployer): Promise<void> {
    const next = await marks.hideEmployer?.(employer);
    if (!next) return;
    marks.triage = next;
    // A new list judges every card afresh, the ones shown anyway included.
    revealed.clear();
    version++;
    pass();
  }

  return onDomChange(pass);
}
