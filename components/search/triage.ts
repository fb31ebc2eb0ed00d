/**
 * What search triage adds to hh.ru's cards, each in its own closed shadow root (open in e2e
 * builds, with data attributes for tests): the fit figure with its reason on hover and focus and a
 * "hide employer" control; the one-line stub a hidden card folds to; the page's hidden counter.
 * Plain DOM: the search content script has a 20 KB gzip budget.
 */
import { plural, tr, type Text } from '../../lib/i18n';
import { createCardHost } from './host';
import { T } from './strings';

const E2E = import.meta.env.MODE === 'e2e';
const mode = (): ShadowRootMode => (E2E ? 'open' : 'closed');

const FONT = `font:12px/18px system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif`;

const FIT_CSS = `:host{display:inline-block !important;margin:0 0 0 8px !important;vertical-align:middle !important;position:relative !important}
.fit{${FONT};font-weight:600;display:inline-block;min-width:22px;text-align:center;padding:1px 6px;border-radius:10px;cursor:help;outline-offset:2px}
.hi{background:#e3f5e9;color:#0a6b2e}.mid{background:#fff4d6;color:#7a5300}.lo{background:#f0f1f3;color:#4a5360}
.tip{display:none;position:absolute;left:0;top:100%;margin-top:4px;z-index:2147483647;${FONT};font-weight:400;white-space:normal;width:max-content;max-width:320px;
padding:6px 8px;border-radius:6px;background:#1f2a37;color:#fff;box-shadow:0 2px 8px rgba(0,0,0,.2)}
.fit:hover+.tip,.fit:focus+.tip{display:block}
button{${FONT};margin-left:4px;padding:0 6px;border:1px solid #c9d1db;border-radius:10px;background:transparent;color:#4a5360;cursor:pointer}
button:hover,button:focus-visible{background:#fdecec;color:#a4161d;border-color:#f2b8b5}
@media (prefers-color-scheme: dark){.hi{background:#1d3a27;color:#8fe0aa}.mid{background:#3d3216;color:#f5d37a}.lo{background:#2a3038;color:#c9d1db}
button{color:#c9d1db;border-color:#4a5360}}`;

export interface FitView {
  score: number;
  /** The one line: reasons, what they rest on, and which resume. */
  reason: string;
}

/** The figure (and, when the card names its employer, the "hide employer" control) for one card. */
export function createFit(tagName: string, fit: FitView | null, employer: string | null, onHide: (() => void) | null): HTMLElement {
  const { host, container } = createCardHost(tagName, FIT_CSS, mode(), false);
  if (fit) {
    const chip = document.createElement('span');
    chip.className = `fit ${fit.score >= 70 ? 'hi' : fit.score >= 40 ? 'mid' : 'lo'}`;
    chip.tabIndex = 0;
    chip.textContent = String(fit.score);
    chip.setAttribute('role', 'img');
    chip.setAttribute('aria-label', tr(T.fitLabel, { score: fit.score, reason: fit.reason }));
    const tip = document.createElement('span');
    tip.className = 'tip';
    tip.setAttribute('role', 'tooltip');
    tip.textContent = fit.reason;
    container.append(chip, tip);
    if (E2E) host.dataset.otklikFit = String(fit.score);
  }
  if (employer && onHide) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = '⊘';
    const label = tr(T.hideEmployer, { name: employer });
    button.title = label;
    button.setAttribute('aria-label', label);
    // Only the person's own click: a page script dispatching clicks hides nothing.
    button.addEventListener('click', (e) => {
      e.preventDefault();
      e.stopPropagation();
      if (e.isTrusted) onHide();
    });
    container.append(button);
  }
  return host;
}

const STUB_CSS = `:host{display:block !important;margin:4px 0 !important}
div{${FONT};color:#6a7480;padding:4px 12px;border:1px dashed #c9d1db;border-radius:8px}
button{${FONT};margin-left:8px;padding:0;border:0;background:none;color:#0a66c2;cursor:pointer;text-decoration:underline}
@media (prefers-color-scheme: dark){div{color:#9aa5b1;border-color:#4a5360}button{color:#7db7ff}}`;

/** The line a hidden card folds to: the vacancy, why it is hidden, and "show". */
export function createStub(tagName: string, title: string, why: Text, kind: string, onShow: () => void): HTMLElement {
  const { host, container } = createCardHost(tagName, STUB_CSS, mode());
  const line = document.createElement('div');
  line.textContent = tr(T.hiddenBecause, { title, why: tr(why) });
  const show = document.createElement('button');
  show.type = 'button';
  show.textContent = tr(T.show);
  show.addEventListener('click', (e) => {
    e.preventDefault();
    if (e.isTrusted) onShow();
  });
  line.append(show);
  container.append(line);
  if (E2E) host.dataset.otklikStub = kind;
  return host;
}

const COUNTER_CSS = `:host{display:block !important}
p{${FONT};margin:8px 0;color:#4a5360}p:empty{display:none}
@media (prefers-color-scheme: dark){p{color:#c9d1db}}`;

/**
 * "Отклик скрыл на этой странице 3 вакансии" above the results, empty (and out of sight) when none
 * is hidden; and, while Otklik does not know the person's resumes yet, how to get the figures.
 */
export function createCounter(tagName: string): { host: HTMLElement; set(n: number, noResumes?: boolean): void } {
  const { host, container } = createCardHost(tagName, COUNTER_CSS, mode());
  const p = document.createElement('p');
  p.setAttribute('role', 'status');
  container.append(p);
  let shown = -1;
  let hint = false;
  return {
    host,
    set(n, noResumes = false) {
      // Called after every batch of hh.ru's changes: the text is only written when it changes.
      if (n === shown && noResumes === hint) return;
      [shown, hint] = [n, noResumes];
      const lines = [n > 0 ? tr(T.hiddenCount, { n: plural(n, T.vacancies) }) : '', noResumes ? tr(T.noResumes) : ''];
      p.textContent = lines.filter(Boolean).join(' · ');
      if (E2E) host.dataset.otklikHidden = String(n);
    },
  };
}
