/**
 * The whole protocol between contexts, in one file. Each message: a payload schema, a reply
 * schema, and who may send it. Replies travel as `{ ok: true, data } | { ok: false, error }`.
 * Pages on hh.ru cannot reach the background at all (no externally_connectable); content scripts
 * may send only the messages marked `content`.
 */
import { z } from './zod';
import { ErrorInfo } from './hh/errors';
import { LETTER_MAX_LENGTH } from './hh/limits';
import { ApplyOption, GatewayKind, Me, NegotiationState, Vacancy, ViewsPage } from './hh/model';
import { AutomationPause, Draft, LedgerEntry, LetterTemplate, OAuthApp, RaiseOutcome, Settings, Snapshot } from './store';

const PageHint = z.object({
  origin: z.url(),
  state: z.nullish(z.string().check(z.maxLength(8_000_000))),
  build: z.nullish(z.string().check(z.maxLength(64))),
});

export const Status = z.object({
  /** A gateway is usable (API token or hh.ru session). */
  signedIn: z.boolean(),
  me: z.nullable(Me),
  gateway: z.nullable(GatewayKind),
  /** Why not signed in / why a gateway is not used; what to do. */
  problem: z.nullable(ErrorInfo),
  /** An OAuth client id is configured. */
  hasApp: z.boolean(),
  /** Signed in through OAuth (tokens held). */
  apiSignedIn: z.boolean(),
  paused: z.nullable(AutomationPause),
});
export type Status = z.infer<typeof Status>;

export const VacancyPanel = z.object({
  vacancy: Vacancy,
  options: z.array(z.extend(ApplyOption, { score: z.number(), explain: z.object({ ru: z.string(), en: z.string() }) })),
  alreadyApplied: z.boolean(),
  me: z.nullable(Me),
  draft: z.nullable(Draft),
  templates: z.array(LetterTemplate),
  /** The last apply to this vacancy we know of (sent / uncertain / failed). */
  lastApply: z.nullable(LedgerEntry),
  appliedLast24h: z.number(),
  gateway: GatewayKind,
  collapsed: z.boolean(),
});
export type VacancyPanel = z.infer<typeof VacancyPanel>;

const empty = z.object({});

/** name -> { req, res, content: may a content script on an hh site send it } */
export const PROTOCOL = {
  status: { req: empty, res: Status, content: false },
  signIn: { req: empty, res: Status, content: false },
  signOut: { req: empty, res: Status, content: false },
  /** Open the options page (the panel's "sign in" button: sign-in needs an extension page). */
  openOptions: { req: empty, res: z.null(), content: true },
  refresh: { req: z.object({ force: z._default(z.boolean(), false) }), res: Snapshot, content: false },
  raise: { req: z.object({ resumeId: z.string().check(z.minLength(1), z.maxLength(64)) }), res: RaiseOutcome, content: false },
  setAutoRaise: {
    req: z.object({ resumeId: z.string().check(z.minLength(1), z.maxLength(64)), on: z.boolean() }),
    res: z.null(),
    content: false,
  },
  views: {
    req: z.object({
      resumeId: z.string().check(z.minLength(1), z.maxLength(64)),
      page: z.number().check(z.int(), z.gte(0), z.lte(1000)),
    }),
    res: ViewsPage,
    content: false,
  },
  /** The options page's changes: the background is the one writer of settings, so none is lost. */
  patchSettings: { req: z.partial(Settings), res: Settings, content: false },
  saveApp: { req: OAuthApp, res: z.null(), content: false },
  /** User solved the captcha / signed in again: let automatic work go on. */
  resume: { req: empty, res: z.null(), content: false },
  vacancyPanel: {
    req: z.object({ vacancyId: z.string().check(z.regex(/^\d{1,12}$/)), hint: z.nullish(PageHint) }),
    res: VacancyPanel,
    content: true,
  },
  apply: {
    req: z.object({
      vacancyId: z.string().check(z.regex(/^\d{1,12}$/)),
      resumeId: z.string().check(z.minLength(1), z.maxLength(64)),
      letter: z.string().check(z.maxLength(LETTER_MAX_LENGTH)),
      hint: z.nullish(PageHint),
    }),
    res: LedgerEntry,
    content: true,
  },
  /** The user asks to look again at an unclear application: read hh.ru, never resend. */
  recheckApply: { req: z.object({ vacancyId: z.string().check(z.regex(/^\d{1,12}$/)) }), res: LedgerEntry, content: true },
  saveDraft: {
    req: z.object({
      vacancyId: z.string().check(z.regex(/^\d{1,12}$/)),
      text: z.string().check(z.maxLength(LETTER_MAX_LENGTH)),
      resumeId: z.nullish(z.string().check(z.maxLength(64))),
    }),
    res: z.null(),
    content: true,
  },
  setPanelCollapsed: { req: z.object({ collapsed: z.boolean() }), res: z.null(), content: true },
  /** Negotiation states per vacancy id, for search-page marks (cached per page view). */
  marks: {
    req: z.object({ hint: z.nullish(PageHint) }),
    res: z.object({ states: z.record(z.string(), NegotiationState), dimHidden: z.boolean() }),
    content: true,
  },
} as const;

export type MessageName = keyof typeof PROTOCOL;
export type Req<K extends MessageName> = z.input<(typeof PROTOCOL)[K]['req']>;
export type Res<K extends MessageName> = z.infer<(typeof PROTOCOL)[K]['res']>;

export const Envelope = z.object({ otklik: z.literal(1), name: z.string(), payload: z.unknown() });

export type Reply<T> = { ok: true; data: T } | { ok: false; error: ErrorInfo };
