/**
 * A small in-memory hh.ru for the resume service and raise-timer tests: Анна's resumes, raising
 * with hh's 4-hour rule against the (faked) clock, view history, one-shot faults, and a log of
 * what "hh.ru" received.
 */
import { HhError, type ErrorKind } from '../../lib/hh/errors';
import type { Gateway } from '../../lib/hh/gateway';
import type { Me, Resume, ResumeView } from '../../lib/hh/model';
import type { Snapshot } from '../../lib/store';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const RAISE_INTERVAL = 4 * HOUR;

type Op = 'me' | 'resumes' | 'resume' | 'raise' | 'views';

interface Account {
  resume: Resume;
  views: ResumeView[];
}

export const ANNA: Me = { id: '73514208', firstName: 'Анна', lastName: 'Смирнова', email: null, newResumeViews: 4 };

function seed(now: number): Account[] {
  const base = { hash: null, searchable: true, url: null, updatedAt: now - 5 * HOUR, canRaise: false } as const;
  const views = (n: number, fresh: number): ResumeView[] =>
    Array.from({ length: n }, (_, i) => ({
      at: now - (i + 1) * HOUR,
      employer: i % 5 === 3 ? null : { id: String(1455000 + i), name: `Компания ${i + 1}`, url: `https://hh.ru/employer/${1455000 + i}` },
      viewed: i >= fresh,
    }));
  return [
    {
      resume: {
        ...base,
        id: 'r-ready',
        title: 'Frontend-разработчик (React, TypeScript)',
        status: 'published',
        access: 'everyone',
        totalViews: 30,
        newViews: 3,
        nextRaiseAt: now - 25 * MIN,
        progress: { percentage: 95, mandatory: [], recommended: ['Портфолио'] },
      },
      views: views(30, 3),
    },
    {
      resume: {
        ...base,
        id: 'r-cooling',
        title: 'Fullstack-разработчик Node.js',
        status: 'published',
        access: 'clients',
        totalViews: 28,
        newViews: 1,
        nextRaiseAt: now + 2 * HOUR + 14 * MIN,
        progress: { percentage: 80, mandatory: ['Опыт работы: обязанности'], recommended: [] },
      },
      views: views(28, 1),
    },
    {
      resume: {
        ...base,
        id: 'r-hidden',
        title: 'Тимлид frontend',
        status: 'not_published',
        access: 'no_one',
        totalViews: 0,
        newViews: 0,
        nextRaiseAt: now,
        progress: { percentage: 60, mandatory: ['Желаемая зарплата'], recommended: [] },
      },
      views: [],
    },
    {
      resume: {
        ...base,
        id: 'r-blocked',
        title: 'Разработчик 1С',
        status: 'blocked',
        access: 'everyone',
        totalViews: 2,
        newViews: 0,
        nextRaiseAt: null,
        progress: { percentage: 70, mandatory: [], recommended: [] },
        moderationNotes: ['В названии резюме указана не профессия'],
      },
      views: [],
    },
  ];
}

export function createFakeHh(now = Date.now()) {
  const accounts = new Map(seed(now).map((a) => [a.resume.id, a]));
  const faults: Array<{ op: Op; error: HhError }> = [];
  /** Every request "hh.ru" received, e.g. `raise:r-ready`. */
  const received: string[] = [];
  /** Reads answered from a copy taken earlier: hh's caches lagging behind a raise. */
  let frozen: Map<string, Resume> | null = null;

  function take(op: Op, target = ''): void {
    received.push(target ? `${op}:${target}` : op);
    const i = faults.findIndex((f) => f.op === op);
    if (i >= 0) throw faults.splice(i, 1)[0]!.error;
  }

  function current(id: string): Resume {
    const account = accounts.get(id);
    if (!account) throw new HhError('not_found');
    const r = frozen?.get(id) ?? account.resume;
    const canRaise = r.status === 'not_published' || (r.status === 'published' && r.nextRaiseAt !== null && r.nextRaiseAt <= Date.now());
    return structuredClone({ ...r, canRaise });
  }

  /** The list lacks completeness and moderator notes, as on hh.ru. */
  function listed(id: string): Resume {
    const { progress: _p, moderationNotes: _m, ...rest } = current(id);
    return rest;
  }

  const gateway: Gateway = {
    kind: 'site',
    async me() {
      take('me');
      return { ...ANNA };
    },
    async resumes() {
      take('resumes');
      return [...accounts.keys()].map(listed);
    },
    async resume(id) {
      take('resume', id);
      return current(id);
    },
    async raise(id) {
      take('raise', id);
      const r = accounts.get(id)!.resume;
      if (r.nextRaiseAt !== null && r.nextRaiseAt > Date.now()) throw new HhError('too_early', { retryAt: r.nextRaiseAt });
      r.nextRaiseAt = Date.now() + RAISE_INTERVAL;
      r.updatedAt = Date.now();
      return current(id);
    },
    async views(id, page) {
      take('views', `${id}:${page}`);
      const account = accounts.get(id)!;
      const items = account.views.slice(page * 20, page * 20 + 20);
      if (page === 0) account.resume.newViews = 0;
      return { items, page, pages: Math.ceil(account.views.length / 20), found: account.views.length };
    },
    async vacancyContext() {
      throw new HhError('internal', { value: 'not played by this fake' });
    },
    async apply() {
      throw new HhError('internal', { value: 'not played by this fake' });
    },
    async negotiations() {
      return [];
    },
    async negotiationsPage(page) {
      return { items: [], page, pages: 1 };
    },
    async application() {
      throw new HhError('internal', { value: 'not played by this fake' });
    },
  };

  return {
    gateway,
    received,
    raises: () => received.filter((r) => r.startsWith('raise:')),
    resume: (id: string) => accounts.get(id)!.resume,
    /** The next `op` answers with this error (once). */
    fail(op: Op, kind: ErrorKind, extra: ConstructorParameters<typeof HhError>[1] = {}) {
      faults.push({ op, error: new HhError(kind, extra) });
    },
    freezeReads() {
      frozen = new Map([...accounts].map(([id, a]) => [id, structuredClone(a.resume)]));
    },
    thawReads() {
      frozen = null;
    },
  };
}

export type FakeHh = ReturnType<typeof createFakeHh>;

/** Anna's four resumes as the popup's stored snapshot holds them at `now`, read an hour before. */
export async function annasSnapshot(now: number): Promise<Snapshot> {
  const hh = createFakeHh(now);
  const resumes = await Promise.all(['r-ready', 'r-cooling', 'r-hidden', 'r-blocked'].map((id) => hh.gateway.resume(id)));
  return { me: ANNA, resumes, fetchedAt: now - HOUR, source: 'site' };
}
