/**
 * The Gateway through the user's own hh.ru login (docs hh-site.md). Reads come from the page state
 * a content script handed over, or from the background with hh's JSON headers (site-read.ts);
 * writes run inside an hh.ru page (site-tab.ts) and are verified by reading back.
 */
import { HhError } from '../errors';
import type { Gateway, PageHint } from '../gateway';
import type { ApplyRequest, Negotiation, NegotiationsPage, Resume, VacancyContext, ViewsPage } from '../model';
import type { Http } from '../http';
import type { Fact } from '../memory';
import { isSiteUrl, siteOf, siteOrigin } from '../sites';
import { applicationOnSite, applyOnSite, preflight } from './apply';
import { createSiteReader, validBuild, type SiteReader } from './read';
import { raiseOnSite, type RaiseVariant } from './raise';
import {
  applyOptions,
  meFromState,
  negotiationsFromState,
  parseStateText,
  requireApplicant,
  resumesFromShards,
  resumesFromState,
  vacancyFromState,
  viewsFromState,
  withPreflight,
  type ResumeList,
  type SiteIds,
  type VacancyPage,
} from './state';
import { createPageContext, type PageContext } from './tab';
import type { Obj } from './json';

/** What the site gateway remembers between operations; the app decides where it lives. */
export interface SiteMemory {
  /** hh.ru's current build string (X-Static-Version). */
  build: Fact<string>;
  /** The raise form hh.ru accepted last. */
  raiseVariant: Fact<RaiseVariant>;
  /** hh.ru's numeric resume ids -> the resumes' hashes, as the resume list showed them last. */
  resumeIds: Fact<Record<string, string>>;
  /** The resumes as last read (a vacancy panel then needs no resume request). */
  knownResumes(): Promise<Resume[]>;
  /**
   * The site root (`hh.kz`) where a read or a page's state last showed a logged-in applicant: the
   * app reads from there when nothing else names a site (hh-site.md: logged in = `userType: "applicant"`).
   */
  applicantSite?: Fact<string>;
}

export interface SiteGatewayOptions {
  /** The site root (`hh.ru`); a page hint's own origin (spb.hh.ru) wins for its call. */
  site: string;
  http: Http;
  memory: SiteMemory;
  /** The tab a request came from (the vacancy page the user applies on): writes prefer it. */
  tabId?: number;
  /** Tests: a fake page context, clock. */
  page?: PageContext;
  now?: () => number;
  settle?: (ms: number) => Promise<void>;
}

const VIEWS_PER_PAGE = 20;
/** hh.ru lists 20 topics a page; hundreds of them span dozens of pages. */
export const NEGOTIATION_PAGES_CAP = 25;
const HASH = /^[0-9a-f]{32,40}$/i;
/**
 * Resume numbers remembered at most: the ones the last read showed, then the others, highest
 * numbers first. Deleted resumes' numbers would otherwise stay for good (topics of old applications
 * still name them, so they are not dropped at once).
 */
export const RESUME_IDS_KEPT = 100;

export function createSiteGateway(opts: SiteGatewayOptions): Gateway {
  const home = siteOrigin(opts.site);
  const now = opts.now ?? Date.now;
  const page = opts.page ?? createPageContext();
  const readers = new Map<string, SiteReader>();
  /** This origin's site showed a logged-in applicant: remember it (once per gateway). */
  let seen: string | null = null;
  const sawApplicant = async (origin: string): Promise<void> => {
    const site = siteOf(new URL(origin).hostname);
    if (!site || seen === site || !opts.memory.applicantSite) return;
    seen = site;
    await opts.memory.applicantSite.set(site);
  };
  const reader = (origin: string): SiteReader => {
    let r = readers.get(origin);
    if (!r) {
      r = createSiteReader({ origin, http: opts.http, build: opts.memory.build, onApplicant: () => sawApplicant(origin) });
      readers.set(origin, r);
    }
    return r;
  };
  const originOf = (hint?: PageHint): string => (hint && isSiteUrl(hint.origin) ? new URL(hint.origin).origin : home);
  const read = reader(home);

  /** One page of the applications list; topics name resumes by number, mapped by the numbers the resume list showed last (no extra read). */
  async function negotiationsPage(p: number): Promise<NegotiationsPage> {
    const siteIds: SiteIds = new Map(Object.entries((await opts.memory.resumeIds.get()) ?? {}));
    const got = negotiationsFromState(await read.state(`/applicant/negotiations?filter=all&page=${p}`), siteIds, home);
    return { items: got.items, page: p, pages: got.pageCount };
  }

  let listPage: Promise<Obj> | null = null;
  let resumeList: Promise<ResumeList> | null = null;

  /** The resume list page's state: the account and the resumes in one read (a refresh asks both). */
  function resumesPage(fresh: boolean): Promise<Obj> {
    if (fresh || !listPage) {
      listPage = read.state('/applicant/resumes');
      listPage.catch(() => (listPage = null));
    }
    return listPage;
  }

  async function loadResumes(fresh: boolean): Promise<ResumeList> {
    const state = await resumesPage(fresh);
    let list = resumesFromState(state, home);
    if (!list) {
      const [touch, titled] = await Promise.all([
        read.json('/shards/applicant/resumes'),
        read.json('/shards/applicant/header_resumes').catch(() => null),
      ]);
      list = resumesFromShards(touch, titled, home);
    }
    await rememberSiteIds(list.siteIds);
    return list;
  }

  /** The resume list, read once per gateway (one operation) unless a write changed it. */
  function resumes(fresh = false): Promise<ResumeList> {
    if (fresh || !resumeList) {
      resumeList = loadResumes(fresh);
      resumeList.catch(() => (resumeList = null));
    }
    return resumeList;
  }

  /** By domain id (the hash) or hh's numeric id: callers may hold either. */
  async function findResume(id: string, fresh = false): Promise<Resume> {
    const { resumes: list, siteIds } = await resumes(fresh);
    const key = siteIds.get(id) ?? id;
    const r = list.find((x) => x.id === key || x.hash === key);
    if (!r) throw new HhError('not_found', { value: `resume ${id}` });
    return r;
  }

  async function hashOf(id: string): Promise<string> {
    if (HASH.test(id)) return id;
    const hash = (await findResume(id)).hash;
    if (!hash) throw new HhError('invalid_response', { value: `resume ${id} without hash` });
    return hash;
  }

  async function rememberSiteIds(ids: SiteIds): Promise<void> {
    const known = (await opts.memory.resumeIds.get()) ?? {};
    if ([...ids].some(([siteId, id]) => known[siteId] !== id)) {
      // The ids just seen stay; of the others (deleted resumes among them) the lowest numbers go
      // first: numeric keys of an object keep numeric order, not the order they came in. guess:
      // hh.ru numbers resumes in the order they were made, so these are the oldest.
      const older = Object.entries(known).filter(([siteId]) => !ids.has(siteId));
      const kept = older.slice(Math.max(0, older.length + ids.size - RESUME_IDS_KEPT));
      await opts.memory.resumeIds.set({ ...Object.fromEntries(kept), ...Object.fromEntries(ids) });
    }
  }

  async function rememberBuild(hint?: PageHint): Promise<void> {
    const build = validBuild(hint?.build);
    if (build) await opts.memory.build.set(build);
  }

  /** The vacancy page: the content script's copy when it describes this vacancy, else fetched. */
  async function vacancyPage(vacancyId: string, hint?: PageHint): Promise<{ page: VacancyPage; origin: string }> {
    const origin = originOf(hint);
    if (hint?.state) {
      const state = parseStateText(hint.state);
      requireApplicant(state, origin);
      await sawApplicant(origin);
      try {
        return { page: vacancyFromState(state, vacancyId, origin), origin };
      } catch (e) {
        // hh.ru navigates between vacancies in-page and keeps the first one's state: ask for this one.
        if (!(e instanceof HhError && e.kind === 'invalid_response')) throw e;
      }
    }
    const state = await reader(origin).state(`/vacancy/${vacancyId}`);
    return { page: vacancyFromState(state, vacancyId, origin), origin };
  }

  /** Resumes the page did not list come from the last snapshot: a vacancy panel needs no resume request. */
  async function withKnownResumes(p: VacancyPage): Promise<VacancyPage> {
    if (p.resumes) return p;
    const known = await opts.memory.knownResumes();
    return known.length ? { ...p, resumes: known } : p;
  }

  return {
    kind: 'site',

    async me() {
      return meFromState(await resumesPage(false));
    },

    resumes: async () => (await resumes()).resumes,

    resume: (id) => findResume(id),

    async raise(id) {
      // A gateway serves one operation: a resume read earlier in it (an auto-raise's check) is fresh.
      const resume = await findResume(id);
      return raiseOnSite(
        {
          origin: home,
          page,
          reread: () => findResume(id, true),
          now,
          settle: opts.settle ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
          remembered: opts.memory.raiseVariant,
        },
        resume,
      );
    },

    async views(id, pageNo): Promise<ViewsPage> {
      const hash = await hashOf(id);
      const all = viewsFromState(await read.state(`/applicant/resumeview/history?resumeHash=${encodeURIComponent(hash)}`));
      const pages = Math.max(1, Math.ceil(all.length / VIEWS_PER_PAGE));
      return {
        items: all.slice(pageNo * VIEWS_PER_PAGE, (pageNo + 1) * VIEWS_PER_PAGE),
        page: pageNo,
        pages,
        found: all.length,
      };
    },

    async vacancyContext(vacancyId, hint): Promise<VacancyContext> {
      await rememberBuild(hint);
      const { page: found, origin } = await vacancyPage(vacancyId, hint);
      const p = found.sparse ? withPreflight(found, await preflight(reader(origin), vacancyId, found.siteIds), origin) : found;
      const full = await withKnownResumes(p);
      await rememberSiteIds(full.siteIds);
      return { vacancy: full.vacancy, options: applyOptions(full), alreadyApplied: full.status.alreadyApplied };
    },

    async apply(req: ApplyRequest, hint) {
      await rememberBuild(hint);
      const origin = originOf(hint);
      let letterRequired = false;
      if (hint?.state) {
        try {
          letterRequired = vacancyFromState(parseStateText(hint.state), req.vacancyId, origin).vacancy.letterRequired;
        } catch {
          // The preflight says it too; the page's copy only saves a refused POST.
        }
      }
      return applyOnSite({ origin, read: reader(origin), page, tabId: opts.tabId, now }, req, letterRequired);
    },

    negotiationsPage,
    application(vacancyId, hint) {
      const origin = originOf(hint);
      return applicationOnSite(reader(origin), origin, vacancyId);
    },

    async negotiations(): Promise<Negotiation[]> {
      const byId = new Map<string, Negotiation>();
      for (let p = 0; p < NEGOTIATION_PAGES_CAP; p++) {
        const got = await negotiationsPage(p);
        let added = 0;
        for (const n of got.items) {
          if (!byId.has(n.id)) added++;
          byId.set(n.id, n);
        }
        // The order shifts between requests; a page of only known topics means the end was passed.
        if (added === 0 || p + 1 >= got.pages) break;
      }
      return [...byId.values()].sort((a, b) => (b.updatedAt ?? 0) - (a.updatedAt ?? 0));
    },
  };
}
