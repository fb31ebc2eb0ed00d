/**
 * `GET /applicant/negotiations?filter=all&page=N`: the user's applications, 20 a page (pages from 0),
 * `pageCount` a string, as on hh.ru [M]. Played after hh-site.md ("my applications" and Newer
 * evidence), each variant a config switch:
 * - the order changes between requests [M] (negotiationsOrder 'shuffled', the default: a seeded
 *   jitter over newest-change-first, so a topic can move across a page boundary; 'stable' keeps it);
 * - discarded topics vanish from the list after a while [M] (discardHiddenAfterMs on the sandbox
 *   clock; guess: how long);
 * - topics named by `vacanciesShort.vacanciesList[]` [M], or by flat `employerName`/`vacancyName`
 *   instead (topicShape 'flat', [S] 2026-08-30);
 * - `creationTime` in ms [M] or as an ISO string (topicTime 'iso', [S] 2026-08).
 *
 * Test URLs: /applicant/negotiations, /applicant/negotiations?filter=invitations
 */
import type { Negotiation, SandboxState } from '../state';
import type { SandboxRequest, SandboxResponse } from '../types';
import { isResponse, pageUser } from './guard';
import { escapeHtml, page } from './html';

const PER_PAGE = 20;

const FILTERS: Record<string, (n: Negotiation) => boolean> = {
  all: () => true,
  active: (n) => n.state !== 'discard',
  invitations: (n) => n.state === 'invitation' || n.state === 'interview',
  discard: (n) => n.state === 'discard',
};

const STATE_TEXT: Record<Negotiation['state'], string> = {
  response: 'Не просмотрен',
  invitation: 'Приглашение',
  interview: 'Собеседование',
  discard: 'Отказ',
};

/** How far (in places) a topic may stray from newest-first in one answer: enough to cross a page of 20. */
const JITTER = 8;

function topic(n: Negotiation, state: SandboxState) {
  const v = state.vacancy(n.vacancyId);
  const { topicShape, topicTime } = state.config;
  return {
    id: Number(n.id),
    chatId: Number(n.chatId),
    vacancyId: Number(n.vacancyId),
    resumeId: Number(n.resumeId),
    employerId: v ? Number(v.employerId) : null,
    initialState: 'RESPONSE',
    lastState: n.rawState ?? n.state.toUpperCase(),
    viewedByOpponent: n.viewedByOpponent,
    hasNewMessages: n.hasUpdates,
    // guess: the ISO form's exact shape (UTC, with milliseconds).
    creationTime: topicTime === 'iso' ? new Date(n.createdAt).toISOString() : n.createdAt,
    lastModified: n.updatedAt,
    ...(topicShape === 'flat'
      ? { vacancyName: v?.name ?? '', employerName: (v && state.employer(v.employerId)?.name) ?? '' }
      : {}),
  };
}

/** Still on hh.ru's list: a discarded topic leaves it some time after its last change. */
function listed(state: SandboxState, n: Negotiation): boolean {
  const after = state.config.discardHiddenAfterMs;
  return !(n.state === 'discard' && after > 0 && state.now() - n.updatedAt >= after);
}

/** This answer's order: newest change first, or (the default) that order shaken a little, differently each time. */
function ordered(state: SandboxState, list: Negotiation[]): Negotiation[] {
  if (state.config.negotiationsOrder === 'stable') return list;
  return list
    .map((n, i) => ({ n, key: i + state.random() * JITTER }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.n);
}

function vacancyShort(state: SandboxState, id: string) {
  const v = state.vacancy(id);
  if (!v) return null;
  return {
    vacancyId: Number(v.id),
    name: v.name,
    company: { id: Number(v.employerId), name: state.employer(v.employerId)?.name ?? '' },
    area: { '@id': v.area.id, name: v.area.name },
    status: { archived: v.archived },
  };
}

function pager(filter: string, current: number, pages: number): string {
  if (pages <= 1) return '';
  return `<nav class="pager" data-qa="pager-block">${Array.from({ length: pages }, (_, p) =>
    p === current
      ? `<span data-qa="pager-page" aria-current="page">${p + 1}</span>`
      : `<a data-qa="pager-page" href="/applicant/negotiations?filter=${encodeURIComponent(filter)}&amp;page=${p}">${p + 1}</a>`,
  ).join(' ')}</nav>`;
}

export function negotiationsPage(req: SandboxRequest): SandboxResponse {
  const user = pageUser(req);
  if (isResponse(user)) return user;
  const filterName = req.query.get('filter') ?? 'all';
  const filter = FILTERS[filterName] ?? FILTERS['all']!;
  const all = ordered(req.state, req.state.negotiationsOf(user.id).filter((n) => listed(req.state, n)).filter(filter));
  const pages = Math.max(1, Math.ceil(all.length / PER_PAGE));
  const current = Math.min(Math.max(0, Number.parseInt(req.query.get('page') ?? '0', 10) || 0), pages - 1);
  const onPage = all.slice(current * PER_PAGE, (current + 1) * PER_PAGE);
  const vacancies = [...new Set(onPage.map((n) => n.vacancyId))].map((id) => vacancyShort(req.state, id)).filter((v) => v !== null);
  const rows = onPage
    .map((n) => {
      const v = req.state.vacancy(n.vacancyId);
      const employer = v ? req.state.employer(v.employerId) : undefined;
      return `<tr data-qa="negotiations-item" data-topic-id="${n.id}">
<td><a data-qa="negotiations-item-vacancy" href="/vacancy/${n.vacancyId}">${escapeHtml(v?.name ?? 'Вакансия удалена')}</a></td>
<td data-qa="negotiations-item-company">${escapeHtml(employer?.name ?? '')}</td>
<td data-qa="negotiations-item-status">${STATE_TEXT[n.state]}</td>
</tr>`;
    })
    .join('\n');
  return page(req, {
    title: 'Отклики и приглашения',
    luxPageName: 'ApplicantNegotiations',
    state: {
      applicantNegotiations: {
        topicList: onPage.map((n) => topic(n, req.state)),
        pageCount: String(pages),
        page: current,
        total: all.length,
        filter: filterName,
      },
      ...(req.state.config.topicShape === 'flat' ? {} : { vacanciesShort: { vacanciesList: vacancies } }),
    },
    main: `<main class="applicant-negotiations">
<h1 data-qa="page-title">Отклики</h1>
<table data-qa="negotiations-list">${rows}</table>
${pager(filterName, current, pages)}
</main>`,
  });
}
