/**
 * `GET /search/vacancy?text=&page=&items_on_page=`: the search page. Like hh.ru it renders in
 * stages: the first cards come in the HTML, the rest are drawn from the page state by the page's
 * own script in a few chunks, so a content script has to observe mutations.
 *
 * Test URLs: /search/vacancy?text=react, /search/vacancy?page=1, /search/vacancy?items_on_page=20
 */
import type { SandboxRequest, SandboxResponse } from '../types';
import { escapeHtml, page } from './html';
import { applicant } from './session';
import { searchItem, userLabels } from './vacancy-shapes';

const IN_HTML = 20;
const CHUNK = 30;
const MAX_ITEMS = 100;

/**
 * One card, written once as browser JavaScript: the page's script draws the later cards with it and
 * the server draws the first ones with the very same function, so both halves look alike.
 */
const CARD_JS = `function (v, esc) {
  var c = v.compensation || {};
  var cur = { RUR: '₽', KZT: '₸', BYR: 'Br', USD: '$' }[c.currencyCode] || '';
  var num = function (n) { return String(n).replace(/\\B(?=(\\d{3})+(?!\\d))/g, '\\u202f'); };
  var salary = c.noCompensation || (c.from == null && c.to == null) ? '' :
    (c.from != null && c.to != null ? num(c.from) + ' – ' + num(c.to) : c.from != null ? 'от ' + num(c.from) : 'до ' + num(c.to)) +
    ' ' + cur + (c.gross ? ' до вычета налогов' : ' на руки');
  var applied = v.userLabels && v.userLabels.length > 0;
  return '<div class="vacancy-card card" data-qa="vacancy-serp__vacancy" data-vacancy-id="' + v.vacancyId + '">' +
    '<h2 class="vacancy-card__title"><a data-qa="serp-item__title" href="/vacancy/' + v.vacancyId + '">' + esc(v.name) + '</a></h2>' +
    (salary ? '<span data-qa="vacancy-serp__vacancy-compensation">' + esc(salary) + '</span>' : '') +
    '<div><a data-qa="vacancy-serp__vacancy-employer" href="/employer/' + v.company.id + '">' + esc(v.company.visibleName) + '</a></div>' +
    '<div data-qa="vacancy-serp__vacancy-address">' + esc(v.area.name) + '</div>' +
    (applied ? '<span class="vacancy-card__responded">Вы откликнулись</span>' :
      '<a class="bloko-button" data-qa="vacancy-serp__vacancy_response" href="/applicant/vacancy_response?vacancyId=' +
      v.vacancyId + '&amp;hhtmFrom=vacancy_search_list">Откликнуться</a>') +
    '</div>';
}`;

const ESC_JS = `function (s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}`;

type SearchItem = ReturnType<typeof searchItem>;
// The server half of the shared renderer above: evaluated once, from a constant.
const renderCard = new Function(`return (${CARD_JS});`)() as (v: SearchItem, esc: (s: string) => string) => string;

const STAGED_SCRIPT = `(function () {
  var renderCard = ${CARD_JS};
  var esc = ${ESC_JS};
  var state = JSON.parse(document.getElementById('HH-Lux-InitialState').content.textContent);
  var rest = state.vacancySearchResult.vacancies.slice(${IN_HTML});
  var list = document.querySelector('[data-qa="vacancy-serp__results"]');
  function next() {
    if (rest.length === 0) return;
    var chunk = rest.splice(0, ${CHUNK});
    list.insertAdjacentHTML('beforeend', chunk.map(function (v) { return renderCard(v, esc); }).join(''));
    setTimeout(function () { requestAnimationFrame(next); }, 40);
  }
  setTimeout(next, 40);
})();`;

function intParam(value: string | null, fallback: number): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) ? n : fallback;
}

function pager(text: string, current: number, pages: number, itemsOnPage: number): string {
  if (pages <= 1) return '';
  const href = (p: number) => {
    const q = new URLSearchParams({ text, page: String(p) });
    if (itemsOnPage !== MAX_ITEMS) q.set('items_on_page', String(itemsOnPage));
    return `/search/vacancy?${q.toString().replace(/&/g, '&amp;')}`;
  };
  const links = Array.from({ length: pages }, (_, p) =>
    p === current
      ? `<span class="pager-current" data-qa="pager-page" aria-current="page">${p + 1}</span>`
      : `<a data-qa="pager-page" href="${href(p)}">${p + 1}</a>`,
  ).join(' ');
  const nextLink = current + 1 < pages ? ` <a data-qa="pager-next" href="${href(current + 1)}">дальше</a>` : '';
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
  const itemsOnPage = Math.min(MAX_ITEMS, Math.max(1, intParam(req.query.get('items_on_page'), MAX_ITEMS)));
  const all = req.state.search(text);
  const pages = Math.max(1, Math.ceil(all.length / itemsOnPage));
  const current = Math.min(Math.max(0, intParam(req.query.get('page'), 0)), pages - 1);
  const onPage = all.slice(current * itemsOnPage, (current + 1) * itemsOnPage);
  const items = onPage.map((v) => searchItem(req.state, user, v, req.url.origin));
  const labels = Object.fromEntries(
    onPage.map((v) => [v.id, userLabels(req.state, user, v.id)] as const).filter(([, l]) => l.length > 0),
  );
  const esc = (s: string) => escapeHtml(s);
  return page(req, {
    title: text ? `Работа ${text} — вакансии` : 'Поиск вакансий',
    luxPageName: 'VacancySearch',
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
${items.slice(0, IN_HTML).map((v) => renderCard(v, esc)).join('\n')}
</div>
${pager(text, current, pages, itemsOnPage)}
</main>`,
    scripts: [STAGED_SCRIPT],
  });
}
