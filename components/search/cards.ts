/**
 * Marks and triages search cards as hh.ru renders them: the first batch, the ones arriving in
 * stages, and the next pages. Each card is decorated once (again only if hh.ru re-rendered it and
 * dropped our elements) and judged again only when the person's lists change.
 * On a page of hh.ru's weight (~900 KB, thousands of footer links) a look over the whole document
 * is not free, so after the first look only what hh.ru changed is looked at: the cards it added
 * and the cards it changed inside, read from the mutation records themselves, in the same task as
 * hh.ru's change (its new cards and our marks reach the screen in one frame). Our own insertions
 * are recognised by their tag and cost nothing. Marks, dimming and folding go on every card at once;
 * the fit figure, which costs most, only on cards within a screen of the visible part, the others
 * as the person scrolls them near (a 100-card page shows a handful at a time).
 * Test URLs: https://hh.ru/search/vacancy?text=react , https://hh.ru/search/vacancy?text=react&page=1
 */
import type { NegotiationState } from '../../lib/hh/model';
import type { ListedEmployer, Triage } from '../../lib/store';
import type { FitResume } from '../../lib/messages';
import { vacancyIdFromPath } from '../../lib/hh/sites';
import { bestFit, fitLine } from '../../lib/fit';
import { tr } from '../../lib/i18n';
import { cardFromDom, readsCard, triageCard, type CardIndex, type CardVacancy } from '../../lib/triage';
import { createBadge } from './badge';
import { createCounter, createFit, createStub, type FitView } from './triage';
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
  cards?: CardIndex;
  /** The person's resumes, as fit scoring reads them: none, no figures. */
  resumes?: FitResume[];
  triage?: Triage;
  /** Puts the employer on the hidden list; resolves with the lists as stored, null when refused. */
  hideEmployer?: (employer: ListedEmployer) => Promise<Triage | null>;
  /** Whether the page is (still) one whose cards are ours to mark: hh.ru may navigate in-page. */
  active?: () => boolean;
}

interface Decor {
  id: string;
  /** Why the stub says the card is hidden. */
  stubKind?: string;
  /** The card's vacancy, read when first needed (undefined until then): for a figure or a filter. */
  data?: CardVacancy | null;
  /** Our elements in the card; hh.ru dropping one means the card was re-rendered. */
  ours: Element[];
  /** The fit figure (and "hide employer") is wanted and not built yet: built when the card comes near the screen. */
  figure: boolean;
  stub: Element | null;
  /** The lists' version this card was judged against. */
  judged: number;
  hidden: boolean;
  /** Whether we set the card's opacity: the card's style is only written when this changes. */
  dimmed: boolean;
}

/** What a verdict is given when the filters read only the application state: no card is read for it. */
const STATE_ONLY: CardVacancy = { id: '', name: '', employer: null, salary: null, area: null, experience: null, keySkills: [] };

function vacancyIdOf(title: Element): string | null {
  // A link's own parsed path: no URL object per card (hh.ru's title links are absolute, with a query).
  if (title instanceof HTMLAnchorElement) return title.hasAttribute('href') ? vacancyIdFromPath(title.pathname) : null;
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
    const ours: Element[] = [];
    const state = marks.states[id];
    const badge = state ? createBadge(marks.tagName, state) : null;
    if (badge) {
      ours.push(badge);
      title.after(badge);
    }
    const d: Decor = { id, ours, figure: wantsFigure(), stub: null, judged: -1, hidden: false, dimmed: false };
    if (d.figure && !nearing) figure(card, d);
    else if (d.figure && nearing) {
      // Observed afresh: the observer's first report on it says whether it is near now (a card hh.ru
      // re-rendered in view included, which an observation still running would not report again).
      nearing.unobserve(card);
      nearing.observe(card);
    }
    return d;
  };

  /** Whether cards get a figure: resumes to score them by, or "hide employer" to offer (if the card names one). */
  const wantsFigure = (): boolean => (!!marks.resumes?.length && marks.triage?.fitOnCards !== false) || !!marks.hideEmployer;

  /** The card's vacancy: the page's state says it, or else the card's markup. */
  const read = (card: Element, d: Decor): CardVacancy | null => {
    if (d.data === undefined) d.data = marks.cards?.get(d.id) ?? cardFromDom(card, d.id);
    return d.data;
  };

  /** The fit figure and "hide employer", scored and drawn for one card, after its title and mark. */
  const figure = (card: Element, d: Decor) => {
    const anchor = d.ours.at(-1) ?? card.querySelector(TITLE);
    if (!d.figure || !anchor || !card.contains(anchor)) return;
    d.figure = false;
    const data = read(card, d);
    const fit = fitOf(marks, data);
    const employer = data?.employer ?? null;
    const hide = marks.hideEmployer && employer ? () => void hideEmployer(employer) : null;
    if (!fit && !hide) return;
    const host = createFit(marks.tagName, fit, employer?.name ?? null, hide);
    anchor.after(host);
    d.ours.push(host);
  };

  /**
   * Cards within a screen above or below the visible part: scoring and drawing a figure costs
   * ~80-100 us a card, and a 100-card page shows ~5 at a time. The person scrolling brings the
   * others near a screen before they are seen. Marks, dimming and folding are done on every card at
   * once: they are cheap, and the counter says how many were folded on the whole page.
   * No IntersectionObserver (old engines, test DOMs without layout): every card at once, as before.
   */
  const nearing =
    typeof IntersectionObserver === 'function'
      ? new IntersectionObserver(
          (entries) => {
            for (const e of entries) {
              if (!e.isIntersecting) continue;
              // One figure a card: the card is watched again only if hh.ru re-renders it (decorate).
              nearing?.unobserve(e.target);
              const d = done.get(e.target);
              if (d?.figure) figure(e.target, d);
            }
          },
          // A screen above and below the visible part (percentages of the viewport).
          { rootMargin: '100% 0px' },
        )
      : null;

  const judge = (card: HTMLElement, d: Decor) => {
    d.judged = version;
    const wasHidden = d.hidden;
    const t = marks.triage;
    const data = t && !revealed.has(d.id) ? (readsCard(t) ? read(card, d) : (d.data ?? STATE_ONLY)) : null;
    const verdict = t && data ? triageCard(data, marks.states[d.id], t) : null;
    d.hidden = verdict?.action === 'hide';
    // A stub that gives an old reason goes; the card gets one with the reason that holds now.
    if (d.stub && (!d.hidden || d.stubKind !== verdict?.kind)) {
      d.stub.remove();
      stubs.delete(d.stub);
      d.stub = null;
    }
    if (d.hidden && !d.stub && verdict?.why) {
      d.stub = createStub(marks.tagName, read(card, d)?.name ?? '', verdict.why, verdict.kind ?? '', () => {
        revealed.add(d.id);
        version++;
        pass();
      });
      d.stubKind = verdict.kind ?? '';
      card.before(d.stub);
      stubs.set(d.stub, card);
    }
    // hh.ru's own style attribute is left alone unless the verdict changed it.
    if (d.hidden) card.style.setProperty('display', 'none', 'important');
    else if (wasHidden) card.style.removeProperty('display');
    const dim = verdict?.action === 'dim' || marks.dim.has(d.id);
    if (dim !== d.dimmed) card.style.opacity = dim ? DIM_OPACITY : '';
    d.dimmed = dim;
  };

  /** Cards decorated on this page view: judged again when the lists change, counted for the counter. */
  const seen = new Set<HTMLElement>();

  /** One card: decorated once (again when hh.ru dropped our elements), judged against the lists as they are. */
  const visit = (card: HTMLElement) => {
    let d = done.get(card);
    if (d === undefined || (d && d.ours.some((el) => !card.contains(el)))) {
      for (const el of d?.ours ?? []) el.remove();
      const old = d;
      d = decorate(card);
      if (d && old) Object.assign(d, { stub: old.stub, stubKind: old.stubKind, hidden: old.hidden, dimmed: old.dimmed });
      done.set(card, d);
    }
    if (!d) return;
    seen.add(card);
    if (d.judged !== version) judge(card, d);
  };

  /** After a batch: forget cards hh.ru removed (and their stubs), and say how many are folded. */
  const settle = () => {
    let hidden = 0;
    for (const card of seen) {
      if (!card.isConnected) {
        seen.delete(card);
        // An observer keeps its targets: a card hh.ru dropped is let go.
        nearing?.unobserve(card);
      } else if (done.get(card)?.hidden) hidden++;
    }
    for (const [stub, card] of stubs) {
      if (!card.isConnected) {
        stub.remove();
        stubs.delete(stub);
      }
    }
    if (counter) {
      if (!counter.host.isConnected) {
        const list = document.querySelector(RESULTS) ?? document.querySelector(CARD)?.parentElement;
        list?.before(counter.host);
      }
      counter.set(hidden, marks.triage?.fitOnCards !== false && !marks.resumes?.length);
    }
  };

  /** Every card in the document: the first look, and after the lists changed. */
  const pass = () => {
    for (const card of document.querySelectorAll<HTMLElement>(CARD)) visit(card);
    settle();
  };

  const ours = (n: Node) => n.nodeType === 1 && (n as Element).localName === marks.tagName;

  /** Changes seen while the page was not ours: back on it, every card is looked at again. */
  let missed = false;

  /** The cards a batch of hh.ru's changes touched: added ones, and ones changed inside (a re-render may drop our elements). */
  const changed = (records: MutationRecord[]) => {
    if (marks.active && !marks.active()) {
      missed = true;
      return;
    }
    if (missed) {
      missed = false;
      pass();
      return;
    }
    const cards = new Set<HTMLElement>();
    let any = false;
    for (const r of records) {
      let theirs = false;
      for (const n of r.addedNodes) {
        if (n.nodeType !== 1 || ours(n)) continue;
        theirs = true;
        const el = n as HTMLElement;
        if (el.matches(CARD)) cards.add(el);
        else if (el.firstElementChild) for (const c of el.querySelectorAll<HTMLElement>(CARD)) cards.add(c);
      }
      // Removed: theirs (a card, a part of one) or ours (hh.ru dropped a mark).
      if (r.removedNodes.length) theirs = true;
      if (!theirs) continue;
      any = true;
      const inside = r.target.nodeType === 1 ? (r.target as Element).closest<HTMLElement>(CARD) : null;
      if (inside) cards.add(inside);
    }
    if (!any) return;
    for (const card of cards) if (card.isConnected) visit(card);
    settle();
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

  if (!marks.active || marks.active()) pass();
  else missed = true;
  const observer = new MutationObserver(changed);
  observer.observe(document.body, { childList: true, subtree: true });
  return () => {
    observer.disconnect();
    nearing?.disconnect();
  };
}
