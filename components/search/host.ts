/**
 * Our elements on search cards, each in its own shadow root like panel/shadow-host.ts, made cheap
 * enough to come by the hundred (a search page has up to 100 cards, each with a fit figure): one
 * stylesheet per kind of element, parsed once and adopted by every root, and no keyboard guards
 * (these roots hold buttons, no text fields). Firefox refuses a content script's constructed sheet
 * (bugzilla 1770592, "Accessing from Xray wrapper is not supported"): there, and wherever adopting
 * fails, each root gets its <style> as before.
 */
export interface CardHost {
  host: HTMLElement;
  /** Where our elements go: the shadow root itself, or a <div> in it (see `wrapped`). */
  container: ParentNode;
}

/** Per kind's CSS: its shared sheet, or null where sheets cannot be adopted. */
const sheets = new Map<string, CSSStyleSheet | null>();

/**
 * `wrapped`: our elements go into a <div> in the root, as panel/shadow-host.ts puts them (the stub's
 * and the counter's CSS style that div); the fit figure and the mark, one per card, go straight
 * into the root: one element less a card.
 */
export function createCardHost(tagName: string, css: string, mode: ShadowRootMode, wrapped = true): CardHost {
  const host = document.createElement(tagName);
  const shadow = host.attachShadow({ mode });
  const text = `:host{all:initial !important}\n${css}`;
  let sheet = sheets.get(css);
  if (sheet === undefined) {
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
    } catch {
      sheet = null;
    }
  }
  if (sheet) {
    try {
      shadow.adoptedStyleSheets = [sheet];
    } catch {
      sheet = null;
    }
  }
  sheets.set(css, sheet);
  if (!sheet) {
    const style = document.createElement('style');
    style.textContent = text;
    shadow.append(style);
  }
  if (!wrapped) return { host, container: shadow };
  const container = document.createElement('div');
  shadow.append(container);
  return { host, container };
}
