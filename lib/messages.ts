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
import { AnswerKind, AutomationPause, Draft, LedgerEntry, LetterTemplate, ListedEmployer, OAuthApp, PanelPreview, RaiseOutcome, Settings, Snapshot, Triage } from './store';

/**
 * The panel's first frame (defined with its stored mirror in lib/store.ts): the person's resumes as
 * last seen (the vacancy's fit and apply state follow with `vacancyPanel`), and whether it is folded.
 */
export { PanelPreview };

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
  /** The hh-family site Otklik reads from for this asker (lib/site.ts): what "log in on …" names. */
  site: z.string(),
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
  /** The vacancy's employer on the person's lists: hidden in search, never apply (the panel's guard). */
  employerLists: z.optional(z.object({ hidden: z.boolean(), neverApply: z.boolean() })),
});
export type VacancyPanel = z.infer<typeof VacancyPanel>;

/** An application as the inbox shows it: `sent` (not opened yet), `viewed`, an answer, or a state Otklik does not know. */
export const InboxState = z.enum(['sent', 'viewed', 'invitation', 'interview', 'discard', 'unknown']);
export type InboxState = z.infer<typeof InboxState>;

export const InboxItem = z.object({
  id: z.string(),
  state: InboxState,
  /** hh.ru's own word, shown for an unknown state. */
  rawState: z.nullable(z.string()),
  vacancyName: z.nullable(z.string()),
  employerName: z.nullable(z.string()),
  resumeTitle: z.nullable(z.string()),
  at: z.number(),
  /** hh.ru says the employer wrote something not read yet. */
  unread: z.boolean(),
  /** An answer the person has not seen in the popup yet. */
  news: z.nullable(AnswerKind),
  chatUrl: z.nullable(z.string()),
});
export type InboxItem = z.infer<typeof InboxItem>;

export const Inbox = z.object({
  items: z.array(InboxItem),
  total: z.number(),
  unseen: z.number(),
  /** The last time hh.ru's list was read; null: not yet. */
  polledAt: z.nullable(z.number()),
});
export type Inbox = z.infer<typeof Inbox>;

const empty = z.object({});

/** A resume as far as fit scoring reads it (lib/fit.ts `FitResume`), plus its id. */
export const FitResume = z.object({
  id: z.string(),
  title: z.string(),
  skills: z.nullish(z.array(z.string())),
  salary: z.nullish(z.object({ amount: z.nullish(z.number()), currency: z.nullish(z.string()) })),
  area: z.nullish(z.string()),
  experienceMonths: z.nullish(z.number()),
});
export type FitResume = z.infer<typeof FitResume>;

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
  panelPreview: { req: z.object({ vacancyId: z.string().check(z.regex(/^\d{1,12}$/)) }), res: PanelPreview, content: true },
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
      /** The person ticked "apply anyway" for an employer on their never-apply list. */
      override: z.optional(z.boolean()),
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
  /**
   * Everything a search page needs, in one reply per page view: negotiation states per vacancy id
   * (cached), the resumes' fit-relevant fields (the content script scores cards itself and never
   * reads storage), and the person's triage settings. The hint brings the page's build (no state).
   */
  marks: {
    req: z.object({ hint: z.nullish(PageHint) }),
    res: z.object({
      states: z.record(z.string(), NegotiationState),
      dimHidden: z.boolean(),
      resumes: z.array(FitResume),
      triage: Triage,
    }),
    content: true,
  },
  /** "Hide this employer" from a search card or the panel, and the panel's "never apply here". */
  listEmployer: {
    req: z.object({ list: z.enum(['hiddenEmployers', 'neverApply']), employer: ListedEmployer, on: z.boolean() }),
    res: Triage,
    content: true,
  },
  /** The latest applications and employers' answers, as the answers poll last saw them. */
  inbox: { req: empty, res: Inbox, content: false },
  /** Every application Otklik knows (hh.ru's list as recorded, joined with the ledger), for the history page. */
  history: {
    req: empty,
    res: z.array(
      z.object({
        id: z.string(),
        topicId: z.nullable(z.string()),
        vacancyId: z.nullable(z.string()),
        vacancyName: z.nullable(z.string()),
        employerName: z.nullable(z.string()),
        resumeId: z.nullable(z.string()),
        resumeTitle: z.nullable(z.string()),
        state: InboxState,
        rawState: z.nullable(z.string()),
        appliedAt: z.number(),
        updatedAt: z.nullable(z.number()),
        viaOtklik: z.boolean(),
        onHh: z.boolean(),
        unread: z.boolean(),
        url: z.nullable(z.string()),
      }),
    ),
    content: false,
  },
  /** The person opened the inbox: its answers are seen (the badge drops). */
  seeAnswers: { req: empty, res: z.null(), content: false },
} as const;

export type MessageName = keyof typeof PROTOCOL;
export type Req<K extends MessageName> = z.input<(typeof PROTOCOL)[K]['req']>;
export type Res<K extends MessageName> = z.infer<(typeof PROTOCOL)[K]['res']>;

export const Envelope = z.object({ otklik: z.literal(1), name: z.string(), payload: z.unknown() });

export type Reply<T> = { ok: true; data: T } | { ok: false; error: ErrorInfo };
