/**
 * How the popup comes up: the first frame from one storage read (lib/first-paint.ts), then the
 * live half (./live.ts: zod, the store, the messaging client) after that frame is on screen, into
 * the same tree, so nothing on screen is replaced.
 */
import { render } from 'preact';
import type { FirstPaint } from '../../lib/first-paint';
import { Popup, type Live } from './Popup';

/**
 * Settles once the frame now being prepared has been painted: a task queued from a frame callback
 * runs after that frame. A hidden page gets no frames, and one may never come (a popup closed
 * while it opened): then at once, or after FRAME_WAIT_MS at most.
 */
function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => {
    if (document.visibilityState === 'hidden') return resolve();
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, FRAME_WAIT_MS);
  });
}

/** Longer than any frame takes on a loaded machine; the live half loads after this at the latest. */
const FRAME_WAIT_MS = 200;

/**
 * Renders the popup into `root`. `first` is the first-paint read, started by the caller as early
 * as it can; null sends the popup the normal way (the live half reads and validates storage first).
 */
export async function mountPopup(root: HTMLElement, first: Promise<FirstPaint | null>): Promise<void> {
  const stored = await first;
  if (stored) render(<Popup stored={stored} live={loadLive(afterNextFrame())} />, root);
  else {
    const live = loadLive(Promise.resolve());
    const read = await live.then((l) => l.read()).catch(() => undefined);
    render(<Popup stored={read} live={live} />, root);
  }
}

type Loaded = Live & { read(): Promise<FirstPaint> };

function loadLive(after: Promise<void>): Promise<Loaded> {
  return after.then(() => import('./live')).then((m) => ({ ...m.live, read: m.readPopupStored }));
}
