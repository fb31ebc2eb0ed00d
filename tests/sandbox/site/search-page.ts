/**
 * `GET /search/vacancy?text=&page=&items_on_page=&weight=`: the search page, shaped after the
 * 2026-09-08 capture (hh-site.md, "Newer evidence"): every card is server-rendered as
 * `article[data-qa="vacancy-serp__vacancy"]`, its title link `serp-item__title` is absolute with a
 * query string (`https://hh.ru/vacancy/<id>?query=...&hhtmFrom=vacancy_search_list`), the salary
 * sits in `<data value>`, the apply link is `/applicant/vacancy_response?vacancyId=<id>&employerId=<id>`,
 * the employer link is `vacancy-serp__vacancy-employer`, the pager `pager-page` (hh-site.md, "DOM
 * anchors"). The page state's `vacancySearchResult{vacancies, totalResults, paging}` holds the same
 * cards in the same order.
 *
 * Cards per page: `items_on_page` (1..100), 20 by default.
 *   guess: hh.ru's own parameter name and its default of 20; no capture names them.
 * Cards drawn late: older sources saw cards "render in stages" (hh-site.md, "DOM anchors", [M]),
 * the 2026-09-08 capture every card in the HTML. Both are played: the first 20 cards come in the
 * HTML, any beyond them are appended by the page's script after load in chunks; `late=N` makes
 * the last N cards of any page arrive that way (`late=0`: all in the HTML).
 * Weight: light by default, hh.ru's captured ~900 KB with `weight=real` (see weight.ts).
 * Key skills on cards: present by default (guess, see vacancy-shapes.ts `searchItem`); `card_skills=0`
 * leaves them out, as the captured state's card fields (hh-site.md, "search page") do.
 *
 * Test URLs: /search/vacancy?text=react, /search/vacancy?page=1, /search/vacancy?items_on_page=100,
 * /search/vacancy?weight=real, /search/vacancy?items_on_page=20&late=5, /search/vacancy?card_skills=0
 */
import type { SandboxRequest, SandboxResponse } from '../types';
import { escapeHtml, page } from './html';
import { applicant } from './session';
import { searchItem, userLabels } from './vacancy-shapes';
import { pageWeight } from './weight';

/** Cards in the HTML when `late` is not given: the rest arrive in stages. */
const IN_HTML = 20;
const CHUNK = 30;
const MAX_ITEMS = 100;
export const DEFAULT_ITEMS = 20;

/**
 * One card, written once as browser JavaScript: the page's script draws the late cards with it and
 * the server draws the others with the very same function, so both look alike. `o.heavy` wraps the
 * same anchors in hh.ru's deep markup (guess: its class names and nesting; only the anchors and
 * the article/link/data shapes are from the capture).
 */
const CARD_JS = `function (v, esc, o) {
  var c = v.compensation || {};
  var cur = { RUR: '₽', KZT: '₸', BYR: 'Br', USD: '$' }[c.currencyCode] || '';
  var num = function (n) { return '<data value="' + n + '">' + String(n).replace(/\\B(?=(\\d{3})+(?!\\d))/g, '\\u202f') + '</data>'; };
  var salary = c.noCompensation || (c.from == null && c.to == null) ? '' :
    (c.from != null && c.to != null ? num(c.from) + ' – ' + num(c.to) : c.from != null ? 'от ' + num(c.from) : 'до ' + num(c.to)) +
    ' ' + cur + ' за месяц, ' + (c.gross ? 'до вычета налогов' : 'на руки');
  var applied = v.userLabels && v.userLabels.length > 0;
  var id = v.vacancyId;
  var employerId = v.company.id;
  var href = o.origin + '/vacancy/' + id + '?' + (o.query ? 'query=' + encodeURIComponent(o.query) + '&' : '') + 'hhtmFrom=vacancy_search_list';
  var title = '<a data-qa="serp-item__title" target="_blank" href="' + esc(href) + '"><span data-qa="serp-item__title-text">' + esc(v.name) + '</span></a>';
  var pay = salary ? '<span data-qa="vacancy-serp__vacancy-compensation">' + salary + '</span>' : '';
  var employer = '<a data-qa="vacancy-serp__vacancy-employer" href="/employer/' + employerId + '?hhtmFrom=vacancy_search_list"><span data-qa="vacancy-serp__vacancy-employer-text">' + esc(v.company.visibleName) + '</span></a>';
  var address = '<span data-qa="vacancy-serp__vacancy-address">' + esc(v.area.name) + '</span>';
  var action = applied ? '<span class="vacancy-card__responded">Вы откликнулись</span>' :
    '<a class="bloko-button" data-qa="vacancy-serp__vacancy_response" href="/applicant/vacancy_response?vacancyId=' + id + '&amp;employerId=' + employerId + '">Откликнуться</a>';
  if (!o.heavy) {
    return '<article class="vacancy-card card" data-qa="vacancy-serp__vacancy">' +
      '<h2 class="vacancy-card__title">' + title + '</h2>' + pay + '<div>' + employer + '</div><div>' + address + '</div>' + action + '</article>';
  }
  var m = function (name) { return 'magritte-' + name + '___' + (id % 97).toString(36) + 'x_6-0-' + (id % 7); };
  var wrap = function (cls, inner, qa) { return '<div class="' + m(cls) + '"' + (qa ? ' data-qa="' + qa + '"' : '') + '>' + inner + '</div>'; };
  var tag = function (text) { return wrap('tag', wrap('tag-content', '<span class="' + m('text') + '">' + esc(text) + '</span>')); };
  var icon = function (name) { return '<svg class="' + m('icon') + '" width="16" height="16" aria-hidden="true"><use href="#icon-' + name + '"></use></svg>'; };
  var s = v.snippet || {};
  var tags = (v.workFormats || []).map(function (f) { return tag({ REMOTE: 'Можно удалённо', HYBRID: 'Гибрид', ON_SITE: 'На месте работодателя' }[f] || f); }).join('') +
    tag({ noExperience: 'Без опыта', between1And3: 'Опыт 1–3 года', between3And6: 'Опыт 3–6 лет', moreThan6: 'Опыт более 6 лет' }[v.workExperience] || '');
  var logo = v.company.logos ? '<img class="' + m('logo') + '" loading="lazy" alt="' + esc(v.company.visibleName) + '" src="' + esc(v.company.logos.logo[0]['@url']) + '">' : '';
  var button = function (qa, text, ic) { return '<button type="button" class="' + m('button') + '" data-qa="' + qa + '">' + icon(ic) + wrap('button-text', '<span class="' + m('text') + '">' + text + '</span>') + '</button>'; };
  return '<article class="vacancy-card--n77Dj8TY8VIUF0yM font-inter" data-qa="vacancy-serp__vacancy">' +
    wrap('card', wrap('card-body',
      wrap('info', wrap('header', '<h2 class="bloko-header-section-2" data-qa="bloko-header-2"><span class="' + m('text') + '">' + title + '</span></h2>') +
        wrap('compensation', pay) + wrap('tags', tags) +
        wrap('company', wrap('company-name', employer + icon('verified')) + wrap('company-address', address + icon('metro'))) +
        wrap('snippet', wrap('text', esc(s.responsibility || ''), 'vacancy-serp__vacancy_snippet_responsibility') +
          wrap('text', esc(s.requirement || ''), 'vacancy-serp__vacancy_snippet_requirement')) +
        wrap('logo-box', logo)) +
      wrap('actions', wrap('primary', action) +
        button('vacancy-serp__vacancy_contacts', 'Контакты', 'phone') +
        button('vacancy-serp__vacancy_favorite', 'В избранное', 'favorite') +
        button('vacancy-serp__vacancy-hide', 'Скрыть', 'hide')))) + '</article>';
}`;

const ESC_JS = `function (s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}`;

type SearchItem = ReturnType<typeof searchItem>;
interface CardOptions {
  origin: string;
  query: string;
  heavy: boolean;
}
// The server half of the shared renderer above: evaluated once, from a constant.
const renderCard = new Function(`return (${CARD_JS});`)() as (v: SearchItem, esc: (s: string) => string, o: CardOptions) => string;

/** Appends the state's cards from index `from` on in a few chunks after load, as hh.ru's script does. */
function lateScript(from: number, o: CardOptions): string {
  return `(function () {
  var renderCard = ${CARD_JS};
  var esc = ${ESC_JS};
  var o = ${JSON.stringify(o).replace(/</g, '\\u003c')};
  var state = JSON.parse(document.getElementById('HH-Lux-InitialState').content.textContent);
  var rest = state.vacancySearchResult.vacancies.slice(${from});
  var list = document.querySelector('[data-qa="vacancy-serp__results"]');
  function next() {
    if (rest.length === 0) return;
    var chunk = rest.splice(0, ${CHUNK});
    list.insertAdjacentHTML('beforeend', chunk.map(function (v) { return renderCard(v, esc, o); }).join(''));
    setTimeout(function () { requestAnimationFrame(next); }, 40);
  }
  setTimeout(next, 40);
})();`;
}

function intParam(value: string | null, fallback: number): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) ? n : fallback;
}

/** The URL of another page of the same search: the same parameters, `page=N` (hh-site.md: next pages). */
function pageHref(req: SandboxRequest, p: number): string {
  const q = new URLSearchParams(req.query);
  q.set('page', String(p));
  return `/search/vacancy?${q.toString().replace(/&/g, '&amp;')}`;
}

function pager(req: SandboxRequest, current: number, pages: number): string {
  if (pages <= 1) return '';
  const links = Array.from({ length: pages }, (_, p) =>
    p === current
      ? `<span class="pager-current" data-qa="pager-page" aria-current="page">${p + 1}</span>`
      : `<a data-qa="pager-page" href="${pageHref(req, p)}">${p + 1}</a>`,
  ).join(' ');
  const nextLink = current + 1 < pages ? ` <a data-qa="pager-next" href="${pageHref(req, current + 1)}">дальше</a>` : '';
  return `<nav class="pager" data-qa="pager-block">${links}${nextLink}</nav>`;
}

function found(n: number): string {
  const tens = n % 100;
  const ones = n % 10;
  const word = tens >= 11 && tens <= 14 ? 'вакансий' : ones === 1 ? 'вакансия' : ones >= 2 && ones <= 4 ? 'вакансии' : 'вакансий';
  return `Найдено ${n} ${word}`;
}

export function searchPage(req: SandboxRequest): SandboxResponse {
  const user = applicant(req);
  const text = req.query.get('text') ?? '';
  const itemsOnPage = Math.min(MAX_ITEMS, Math.max(1, intParam(req.query.get('items_on_page'), DEFAULT_ITEMS)));
  const all = req.state.search(text);
  const pages = Math.max(1, Math.ceil(all.length / itemsOnPage));
  const current = Math.min(Math.max(0, intParam(req.query.get('page'), 0)), pages - 1);
  const onPage = all.slice(current * itemsOnPage, (current + 1) * itemsOnPage);
  const withSkills = req.query.get('card_skills') !== '0';
  const items = onPage.map((v) => ({ ...searchItem(req.state, user, v, req.url.origin), ...(withSkills ? {} : { keySkills: null }) }));
  const late = Math.min(items.length, Math.max(0, intParam(req.query.get('late'), items.length - IN_HTML)));
  const inHtml = items.length - late;
  const labels = Object.fromEntries(
    onPage.map((v) => [v.id, userLabels(req.state, user, v.id)] as const).filter(([, l]) => l.length > 0),
  );
  const o: CardOptions = { origin: req.url.origin, query: text, heavy: pageWeight(req) === 'real' };
  const esc = (s: string) => escapeHtml(s);
  return page(req, {
    title: text ? `Работа ${text} — вакансии` : 'Поиск вакансий',
    luxPageName: 'VacancySearch',
    heavy: 'search',
    state: {
      vacancySearchResult: {
        vacancies: items,
        totalResults: all.length,
        paging: {
          page: current,
          pagesCount: pages,
          itemsOnPage,
          pages: Array.from({ length: pages }, (_, p) => ({ page: p, text: String(p + 1), selected: p === current })),
          next: current + 1 < pages ? { page: current + 1 } : null,
          lastPage: { page: pages - 1 },
        },
        queries: { text },
      },
      userLabelsForVacancies: labels,
    },
    main: `<main class="vacancy-serp">
<h1 data-qa="bloko-header-3">${escapeHtml(found(all.length))}${text ? ` «${escapeHtml(text)}»` : ''}</h1>
<div data-qa="vacancy-serp__results" id="a11y-main-content">
${items.slice(0, inHtml).map((v) => renderCard(v, esc, o)).join('\n')}
</div>
${pager(req, current, pages)}
</main>`,
    scripts: late > 0 ? [lateScript(inHtml, o)] : [],
  });
}
