/**
 * hh.ru pages at their real weight. hh-site.md, "Newer evidence" (capture 2026-09-08, build
 * 26.37.2.1): a vacancy page is ~700 KB, of which the state template is ~500 KB (~400 KB of it
 * translations); a search page is ~900 KB. A performance test on a near-empty page measures the
 * wrong thing, so the sandbox serves each page in two weights:
 *
 *   light  today's small pages (the default): fast unit and e2e tests
 *   real   the same page, same anchors and same state, plus what makes hh.ru's pages heavy: a
 *          translations dictionary and experiment/config blocks in the state template, hh.ru's
 *          deep card markup, inline CSS and an icon sprite, the big footer; and a page script that
 *          parses the state and hydrates the page the way a React front end does
 *
 * Addressed by `?weight=real` (or `?weight=light`) on the page's URL, which wins over the control
 * setting `pageWeight` (POST /__sandbox/config {"pageWeight":"real"}) that picks the default for
 * every page. Only the vacancy and search pages have a real weight; other pages ignore it.
 *
 * Everything here is generated from a fixed seed: the same bytes on every run, nothing committed
 * as a blob. The generated texts are plausible Russian UI strings, not copies of hh.ru's.
 */
import type { SandboxRequest } from '../types';

export type PageWeight = 'light' | 'real';

/** Byte targets from the 2026-09-08 capture (hh-site.md, "Newer evidence"). */
export const REAL_WEIGHT = {
  vacancy: { totalBytes: 700_000 },
  search: { totalBytes: 900_000 },
  /** The state template's translations dictionary, entity-encoded as served. */
  translationsBytes: 400_000,
  /** guess: experiments, feature flags and config together; the capture only says "experiments". */
  extrasBytes: 70_000,
} as const;

export function pageWeight(req: SandboxRequest): PageWeight {
  const asked = req.query.get('weight');
  if (asked === 'real' || asked === 'light') return asked;
  return req.state.config.pageWeight;
}

/** mulberry32: a small PRNG, so a seed gives the same page bytes everywhere. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const KEY_PARTS = [
  'applicant', 'vacancy', 'search', 'serp', 'employer', 'resume', 'negotiations', 'response', 'popup', 'filters',
  'header', 'footer', 'supernova', 'navi', 'profile', 'chat', 'notification', 'salary', 'area', 'schedule',
  'experience', 'button', 'title', 'description', 'hint', 'error', 'placeholder', 'label', 'tooltip', 'modal',
];
const WORDS = [
  'вакансия', 'резюме', 'отклик', 'работодатель', 'зарплата', 'опыт', 'график', 'удалённо', 'офис', 'поиск',
  'компания', 'приглашение', 'собеседование', 'отказ', 'сообщение', 'настройки', 'уведомления', 'подписка',
  'регион', 'город', 'навыки', 'образование', 'занятость', 'полная', 'частичная', 'проектная', 'стажировка',
  'сохранить', 'отменить', 'показать', 'скрыть', 'контакты', 'телефон', 'почта', 'описание', 'требования',
  'обязанности', 'условия', 'доход', 'налогов', 'вычета', 'месяц', 'неделя', 'сегодня', 'вчера', 'недавно',
  'подходящие', 'похожие', 'избранное', 'архив', 'черновик', 'публикация', 'обновить', 'поднять', 'видимость',
];
/** Texts a content script must never read page state from: they sit in every page's dictionary (hh-site.md). */
const STATE_TEXTS = ['Вы откликнулись', 'Откликнуться', 'Приглашение', 'Отказ', 'Поднять', 'Лимит откликов исчерпан'];

function phrase(r: () => number): string {
  const n = 2 + Math.floor(r() * 9);
  const words = Array.from({ length: n }, () => pick(r, WORDS));
  if (r() < 0.2) words.splice(1 + Math.floor(r() * (n - 1)), 0, `{${pick(r, ['count', 'name', 'date', 'value'])}}`);
  const s = words.join(' ');
  return s[0]!.toUpperCase() + s.slice(1) + (r() < 0.5 ? '.' : '');
}

/** Entity-encoded bytes of a JSON value as it sits in the served template (see html.ts encodeState). */
export function encodedBytes(value: unknown): number {
  const json = JSON.stringify(value);
  let extra = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === 34) extra += 5; // " -> &quot;
    else if (c === 38) extra += 4; // & -> &amp;
    else if (c === 60 || c === 62) extra += 3; // < > -> &lt; &gt;
  }
  return Buffer.byteLength(json) + extra;
}

let translationsCache: Record<string, string> | null = null;

/** ~400 KB (encoded) of `"dotted.key": "Русская строка"`, the bulk of hh.ru's state template. */
export function translations(): Record<string, string> {
  if (translationsCache) return translationsCache;
  const r = rng(0x68682e72);
  const out: Record<string, string> = {};
  for (const [i, text] of STATE_TEXTS.entries()) out[`applicant.vacancy.state.${i}`] = text;
  // Each entry costs its key and value plus `&quot;` x4, `:` and `,`.
  let bytes = 2;
  while (bytes < REAL_WEIGHT.translationsBytes) {
    const key = `${pick(r, KEY_PARTS)}.${pick(r, KEY_PARTS)}.${pick(r, KEY_PARTS)}.${Math.floor(r() * 1e5).toString(36)}`;
    if (key in out) continue;
    const value = phrase(r);
    out[key] = value;
    bytes += Buffer.byteLength(key) + Buffer.byteLength(value) + 26;
  }
  translationsCache = out;
  return out;
}

let extrasCache: Record<string, unknown> | null = null;

/**
 * guess: the rest of the heavy state. Experiments are in the state (hh-site.md names
 * `experiments.checked`); the feature flags and config blocks are shaped by guess.
 */
export function stateExtras(): Record<string, unknown> {
  if (extrasCache) return extrasCache;
  const r = rng(0x65787073);
  const checked: Record<string, { group: string; name: string }> = {};
  const features: Record<string, boolean | number | string> = {};
  const config: Record<string, string> = {};
  let i = 0;
  const size = () => encodedBytes({ experiments: { checked }, features, config });
  while (size() < REAL_WEIGHT.extrasBytes) {
    const name = `web_${pick(r, KEY_PARTS)}_${pick(r, KEY_PARTS)}_${i.toString(36)}`;
    if (i % 3 === 0) checked[name] = { group: pick(r, ['control', 'test', 'not_in_experiment', 'b']), name };
    else if (i % 3 === 1) features[name] = r() < 0.5 ? r() < 0.5 : Math.floor(r() * 1000);
    else config[`${pick(r, KEY_PARTS)}.${i.toString(36)}`] = `https://hh.ru/${pick(r, KEY_PARTS)}/${pick(r, KEY_PARTS)}?from=${i}`;
    i++;
  }
  // The experiment that goes with the 2026-09-25 vacancy shape (hh-site.md) is always there.
  checked['web_applicant_vacancy_magritte'] = { group: 'not_in_experiment', name: 'web_applicant_vacancy_magritte' };
  extrasCache = { experiments: { checked }, features, config };
  return extrasCache;
}

/** The heavy part of a page's state: merged under the page's own state, which wins. */
export function heavyState(): Record<string, unknown> {
  return { translations: translations(), ...stateExtras() };
}

let styleCache: string | null = null;

/** guess: inline critical CSS of atomic, hashed class names, as a CSS-modules build emits. */
export function heavyStyle(): string {
  if (styleCache) return styleCache;
  const r = rng(0x637373);
  const rules: string[] = [];
  for (let i = 0; i < 900; i++) {
    const cls = `magritte-${pick(r, KEY_PARTS)}___${Math.floor(r() * 1e8).toString(36)}_${i % 7}-${i % 13}-${i % 5}`;
    rules.push(`.${cls}{display:${pick(r, ['flex', 'block', 'inline-flex', 'grid'])};gap:${Math.floor(r() * 24)}px;padding:${Math.floor(r() * 16)}px ${Math.floor(r() * 24)}px;color:#${Math.floor(r() * 0xffffff).toString(16).padStart(6, '0')}}`);
  }
  styleCache = `<style data-critical>${rules.join('')}</style>`;
  return styleCache;
}

let spriteCache: string | null = null;

/** guess: an inline SVG icon sprite. */
export function iconSprite(): string {
  if (spriteCache) return spriteCache;
  const r = rng(0x737667);
  const symbols: string[] = [];
  for (let i = 0; i < 60; i++) {
    const path = Array.from({ length: 24 }, () => `${(r() * 24).toFixed(2)} ${(r() * 24).toFixed(2)}`).join(' L');
    symbols.push(`<symbol id="icon-${pick(r, KEY_PARTS)}-${i}" viewBox="0 0 24 24"><path d="M${path}Z"/></symbol>`);
  }
  spriteCache = `<svg xmlns="http://www.w3.org/2000/svg" style="display:none" aria-hidden="true">${symbols.join('')}</svg>`;
  return spriteCache;
}

const CITIES = ['Москве', 'Санкт-Петербурге', 'Новосибирске', 'Екатеринбурге', 'Казани', 'Нижнем Новгороде', 'Самаре', 'Краснодаре', 'Перми', 'Уфе'];
let footerItems: string[] | null = null;

/**
 * guess: hh.ru's footer and menus are long lists of links ("Работа в Москве", professions, help);
 * here they fill a page up to its captured weight.
 */
export function footerFill(bytes: number): string {
  if (bytes <= 0) return '';
  if (!footerItems) {
    const r = rng(0x666f6f74);
    footerItems = Array.from({ length: 6000 }, (_, i) => {
      const what = pick(r, WORDS);
      return `<li class="supernova-footer-item"><a class="supernova-footer-link" data-qa="footer-link-${i}" href="/search/vacancy?area=${1 + (i % 113)}&amp;professional_role=${i % 170}">${what[0]!.toUpperCase()}${what.slice(1)}: работа в ${pick(r, CITIES)}</a></li>`;
    });
  }
  const out: string[] = [];
  let n = 0;
  for (const item of footerItems) {
    if (n >= bytes) break;
    out.push(item);
    n += Buffer.byteLength(item) + 1;
  }
  return `<footer class="supernova-footer" data-qa="supernova-footer"><ul class="supernova-footer-list">\n${out.join('\n')}\n</ul></footer>`;
}

/**
 * The page's own front end on a real-weight page, doing the kind of work hh.ru's React bundle does
 * on load, with no artificial spinning (its cost grows with the page, as the real one's does):
 *  - parse the state template (JSON.parse of ~500 KB);
 *  - build the i18n lookup from the translations;
 *  - hydrate: a fiber (React's per-node bookkeeping object) for every server-rendered node, its
 *    props read from the DOM, an expando on the node (React sets `__reactFiber$...` likewise), the
 *    text checked; event delegation at the root for the usual event types, and a handler per link,
 *    button and input;
 *  - render from state: each vacancy in the state formatted (names, salaries through Intl,
 *    translated labels) and checked against its card or title on the page;
 *  - an effect that measures the layout once hydrated.
 * `window.__hhHydrated` tells tests what it did and when it ended (performance.now()).
 */
export const HYDRATE_SCRIPT = `(function () {
  var tpl = document.getElementById('HH-Lux-InitialState');
  var state = JSON.parse(tpl.content.textContent);
  var dict = new Map();
  var tr = state.translations || {};
  for (var key in tr) {
    var text = tr[key];
    dict.set(key, text.indexOf('{') < 0 ? text : text.split(/(\\{\\w+\\})/));
  }
  var t = function (k, args) {
    var v = dict.get(k);
    if (v === undefined) return k;
    if (typeof v === 'string') return v;
    return v.map(function (p) { return p.charAt(0) === '{' && args ? String(args[p.slice(1, -1)]) : p; }).join('');
  };
  window.__hhT = t;
  var root = document.getElementById('HH-React-Root');
  var handlers = { click: [], focus: [] };
  var EVENTS = ['click', 'dblclick', 'focusin', 'focusout', 'keydown', 'keyup', 'input', 'change', 'submit', 'pointerdown',
    'pointerup', 'pointerover', 'pointerout', 'mousedown', 'mouseup', 'touchstart', 'touchend', 'scroll', 'wheel', 'contextmenu'];
  function dispatch(e) {
    for (var n = e.target; n && n !== root; n = n.parentNode) {
      var f = n.__hhFiber;
      if (f && f.props.onAction) { f.props.onAction(e); return; }
    }
  }
  EVENTS.forEach(function (type) { root.addEventListener(type, dispatch, true); root.addEventListener(type, dispatch, false); });
  var fibers = 0, listeners = 0, texts = 0;
  function onAction(e) { window.__hhLastAction = e.type; }
  function hydrate(node, parent, index) {
    var props = {};
    if (node.nodeType === 1) {
      var attrs = node.attributes;
      for (var i = 0; i < attrs.length; i++) props[attrs[i].name === 'class' ? 'className' : attrs[i].name] = attrs[i].value;
      var tag = node.tagName;
      if (tag === 'A' || tag === 'BUTTON' || tag === 'INPUT') {
        props.onAction = onAction;
        node.addEventListener('click', onAction);
        listeners++;
      }
    } else if (node.nodeType === 3) {
      props.children = node.data;
      if (node.data !== props.children) return null;
      texts++;
    } else return null;
    var fiber = { tag: node.nodeType, type: node.nodeName, key: props['data-qa'] || null, props: props, memoizedProps: props,
      stateNode: node, return: parent, child: null, sibling: null, index: index, flags: 0, lanes: 0, memoizedState: null };
    node.__hhFiber = fiber;
    fibers++;
    var prev = null, n = 0;
    for (var c = node.firstChild; c; c = c.nextSibling) {
      var cf = hydrate(c, fiber, n++);
      if (!cf) continue;
      if (prev) prev.sibling = cf; else fiber.child = cf;
      prev = cf;
    }
    return fiber;
  }
  hydrate(root, null, 0);
  var money = new Intl.NumberFormat('ru-RU');
  var vacancies = (state.vacancySearchResult && state.vacancySearchResult.vacancies) ||
    ((state.relatedVacancies && state.relatedVacancies.vacancies) || []).concat(state.vacancyView ? [state.vacancyView.vacancyFull ? state.vacancyView.vacancyFull.vacancy : state.vacancyView] : []);
  var rendered = 0;
  var pageText = root.textContent;
  vacancies.forEach(function (v) {
    var c = v.compensation || {};
    var label = [v.name, c.from != null ? money.format(c.from) : '', c.to != null ? money.format(c.to) : '',
      t('vacancy.compensation.' + (c.gross ? 'gross' : 'net')), v.area ? v.area.name : ''].join(' ');
    if (label && pageText.indexOf(v.name) >= 0) rendered++;
  });
  var rects = 0;
  root.querySelectorAll('h1, h2, [data-qa="vacancy-serp__vacancy"]').forEach(function (el) { if (el.getBoundingClientRect().height >= 0) rects++; });
  window.__hhHydrated = { at: performance.now(), fibers: fibers, texts: texts, listeners: listeners, rendered: rendered, measured: rects, translations: dict.size };
})();`;
