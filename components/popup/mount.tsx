/**
 * How the popup comes up: the first frame from one storage read (lib/first-paint.ts), then the
 * live half (./live.ts: zod, the store, the messaging client) after that frame is on screen, into
 * the same tree, so nothing on screen is replaced. A kept first frame drawn before this ran
 * (./first-frame.ts) is replaced by that first render, in the same task.
 */
import { render } from 'preact';
import type { FirstPaint } from '../../lib/first-paint';
import { forgetFirstFrame, keepFirstFrame } from './first-frame';
import { afterNextFrame } from './frame';
import { Popup, type Live, type Stored } from './Popup';

/**
 * Renders the popup into `root`. `first` is the first-paint read, started by the caller as early
 * as it can; null sends the popup the normal way (the live half reads and validates storage first).
 */
export async function mountPopup(root: HTMLElement, first: Promise<FirstPaint | null>): Promise<void> {
  const stored = await first;
  if (stored) show(root, stored, loadLive(afterNextFrame()));
  else {
    const live = loadLive(Promise.resolve());
    const read = await live.then((l) => l.read()).catch(() => undefined);
    show(root, read, live);
  }
}

function show(root: HTMLElement, stored: Stored | undefined, live: Promise<Live>): void {
  // Emptied and rendered in one task: no frame shows the kept frame and this tree together, or neither.
  root.replaceChildren();
  render(<Popup stored={stored} live={live} remember={remember} />, root);
  // This first render is made from validated storage only: the next popup may draw it first.
  if (stored?.snapshot) keepFirstFrame(root.innerHTML);
  else forgetFirstFrame();
}

/** A live half that never comes: a Popup rendered with it only shows what it was given. */
const NEVER = new Promise<Live>(() => undefined);

/**
 * Keeps what the popup now shows from storage (after a refresh, a raise, a switch) as the next
 * popup's first frame: the first render a popup would make of it, drawn off screen, a task later.
 * Null (signed out, no snapshot) forgets the kept frame at once.
 */
function remember(shown: Stored | null): void {
  if (!shown?.snapshot) return forgetFirstFrame();
  setTimeout(() => {
    const box = document.createElement('div');
    render(<Popup stored={shown} live={NEVER} />, box);
    keepFirstFrame(box.innerHTML);
    render(null, box);
  }, 0);
}

type Loaded = Live & { read(): Promise<FirstPaint> };

function loadLive(after: Promise<void>): Promise<Loaded> {
  return after.then(() => import('./live')).then((m) => ({ ...m.live, read: m.readPopupStored }));
}
