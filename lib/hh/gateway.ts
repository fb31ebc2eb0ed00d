/**
 * The one interface every feature talks to. Two implementations: ApiGateway (api.hh.ru, OAuth)
 * and SiteGateway (the user's own hh.ru session). Both return the domain model (model.ts) and
 * throw HhError (errors.ts). Neither retries a write.
 */
import type {
  ApplyRequest,
  ApplyResult,
  GatewayKind,
  Me,
  Negotiation,
  NegotiationsPage,
  Resume,
  VacancyContext,
  ViewsPage,
} from './model';

/** What a content script read from the page it runs on (site gateway: no request needed). */
export interface PageHint {
  /** The page's origin, e.g. https://spb.hh.ru */
  origin: string;
  /** Raw JSON text of `<template id="HH-Lux-InitialState">`, when present. */
  state?: string | null;
  /** `window.globalVars.build` / js-script-global-vars build string, when present. */
  build?: string | null;
}

export interface Gateway {
  readonly kind: GatewayKind;
  me(): Promise<Me>;
  resumes(): Promise<Resume[]>;
  /** One resume with the details the list may lack (progress, moderation notes, skills). */
  resume(id: string): Promise<Resume>;
  /**
   * Raise in search. Resolves with the resume re-read from the server (its new nextRaiseAt).
   * Throws `too_early` (with retryAt) when hh says it is too early.
   */
  raise(id: string): Promise<Resume>;
  /** Who viewed, newest first. Reading it clears the new-views count on hh. */
  views(id: string, page: number): Promise<ViewsPage>;
  /** The vacancy, its needs and which resumes can apply. `hint` lets the site gateway skip requests. */
  vacancyContext(vacancyId: string, hint?: PageHint): Promise<VacancyContext>;
  /** Exactly one attempt. `uncertain` when the outcome cannot be confirmed. */
  apply(req: ApplyRequest, hint?: PageHint): Promise<ApplyResult>;
  /** The user's applications (all pages up to a sane cap), newest first. */
  negotiations(): Promise<Negotiation[]>;
  /**
   * One page of the applications list (pages from 0), in hh.ru's own order: newest change first,
   * shaken a little between requests on the site. The answers poll reads as few as it can.
   */
  negotiationsPage(page: number): Promise<NegotiationsPage>;
  /**
   * hh.ru's own word about one vacancy: is there an application to it (any resume)? Read from
   * what hh.ru says about this vacancy, never from the capped, lagging list of all applications.
   * Throws when hh.ru's answer cannot tell (an unknown shape is not a "no").
   */
  application(vacancyId: string, hint?: PageHint): Promise<ApplicationSeen>;
}

/** What one read about a vacancy showed; `negotiationId` when hh.ru named the conversation. */
export type ApplicationSeen = { applied: true; negotiationId: string | null } | { applied: false };
