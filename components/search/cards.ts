/**
 * Marks search cards as hh.ru renders them: the first batch, the ones arriving in stages, and the
 * next pages. Mutations are gathered into one pass a frame; each card is looked at once (again
 * only if hh.ru re-rendered it and dropped our mark).
 * Test URLs: https://hh.ru/search/vacancy?text=react , https://hh.ru/search/vacancy?text=react&page=1
 */
import type { NegotiationState } from '../../lib/hh/model';
import { vacancyIdFromPath } from '../../lib/hh/sites';
import { createBadge } from './badge';
import { onDomChange } from '../ui/onDomChange';

const CARD = '[data-qa="vacancy-serp__vacancy"]';
const TITLE = '[data-qa="serp-item__title"]';
/** Dimmed, not hidden: the user can still see what hh.ru shows. */
const DIM_OPACITY = '0.45';

export interface CardMarks {
  tagName: string;
  states: Record<string, NegotiationState>;
  /** Vacancy ids to dim (the user hid them), when the option is on. */
  dim: Set<string>;
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

/** Starts marking; returns how to stop (leaving the marks already made). */
export function watchCards(marks: CardMarks): () => void {
  // card -> our mark in it (null: nothing to mark on this card)
  const done = new WeakMap<Element, Element | null>();

  const decorate = (card: Element): Element | null => {
    const title = card.querySelector(TITLE);
    const id = title && vacancyIdOf(title);
    if (!title || !id) return null;
    if (marks.dim.has(id) && card instanceof HTMLElement) card.style.opacity = DIM_OPACITY;
    const state = marks.states[id];
    const badge = state ? createBadge(marks.tagName, state) : null;
    if (badge) title.after(badge);
    return badge;
  };

  const pass = () => {
    for (const card of document.querySelectorAll(CARD)) {
      const mark = done.get(card);
      if (mark === undefined || (mark && !card.contains(mark))) done.set(card, decorate(card));
    }
  };

  return onDomChange(pass);
}
