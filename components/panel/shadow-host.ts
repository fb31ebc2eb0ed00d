/**
 * An element of ours in hh.ru's DOM with a shadow root: styles isolated both ways (`all: initial`
 * on the host, our CSS inside), closed so hh.ru's scripts cannot look in. What WXT's
 * createShadowRootUi builds, without its anchoring and auto-mount helpers: those cost ~3.7 KB
 * gzip of a content script's 20 KB budget, and the panel places itself (vacancy/page.ts).
 */
export interface ShadowHost {
  host: HTMLElement;
  /** Where our UI goes, inside the shadow root. */
  container: HTMLElement;
}

export function createShadowHost(tagName: string, css: string, mode: ShadowRootMode): ShadowHost {
  const host = document.createElement(tagName);
  const shadow = host.attachShadow({ mode });
  const style = document.createElement('style');
  style.textContent = `:host{all:initial !important}\n${css}`;
  const container = document.createElement('div');
  shadow.append(style, container);
  // hh.ru's keyboard shortcuts must not fire while the user types in our fields.
  for (const type of ['keydown', 'keyup', 'keypress']) shadow.addEventListener(type, (e) => e.stopPropagation());
  return { host, container };
}
