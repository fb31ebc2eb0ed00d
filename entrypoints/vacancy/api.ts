/** The panel's outside world: messages to the background about one vacancy. */
import type { PageHint } from '../../lib/hh/gateway';
import { send } from '../../lib/client';
import { readPanelPreview } from '../../lib/panel-preview';
import type { PanelApi } from '../../components/panel/api';

const ignore = () => undefined;

/**
 * The panel's first frame, asked for at once; `now` is filled in when it comes. Read from the
 * stored mirror where this script can (lib/panel-preview.ts), else as the background answers. The
 * background is asked either way: through the API, that question starts the vacancy's read.
 */
export function askPreview(vacancyId: string): NonNullable<PanelApi['preview']> {
  const asked = send('panelPreview', { vacancyId }).catch(() => null);
  const preview: NonNullable<PanelApi['preview']> = { now: null, next: readPanelPreview().then((stored) => stored ?? asked) };
  void preview.next.then((p) => (preview.now = p));
  return preview;
}

/** A task of its own, after the one now running (and after the frame it leads to, if one is due). */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * `preview`: the first frame asked for at document_start (for the vacancy the page was loaded
 * with). `readHint` is read once, when first needed: `load` asks in a task after the one that
 * draws the panel, so the page state's slice (~1-2 ms on a real-weight page, and its copy into the
 * message) holds back neither the panel's first frame nor hh.ru's load event (issue #17).
 */
export function panelApi(vacancyId: string, readHint: () => PageHint, preview: PanelApi['preview'] | null = null): PanelApi {
  let read: PageHint | undefined;
  const hint = () => (read ??= readHint());
  return {
    ...(preview ? { preview } : {}),
    load: () => nextTask().then(() => send('vacancyPanel', { vacancyId, hint: hint() })),
    apply: ({ resumeId, letter, override }) => send('apply', { vacancyId, resumeId, letter, hint: hint(), override }),
    recheck: () => send('recheckApply', { vacancyId }),
    saveDraft: (d) => void send('saveDraft', { vacancyId, ...d }).catch(ignore),
    setCollapsed: (collapsed) => void send('setPanelCollapsed', { collapsed }).catch(ignore),
    openOptions: () => void send('openOptions', {}).catch(ignore),
    listEmployer: (list, employer, on) => send('listEmployer', { list, employer, on }),
  };
}
