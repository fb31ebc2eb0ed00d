/** The panel's outside world: messages to the background about one vacancy. */
import type { PageHint } from '../../lib/hh/gateway';
import { send } from '../../lib/client';
import type { PanelApi } from '../../components/panel/api';

const ignore = () => undefined;

/** The panel's first frame, asked for at once; `now` is filled in when it comes. */
export function askPreview(vacancyId: string): NonNullable<PanelApi['preview']> {
  const preview: NonNullable<PanelApi['preview']> = { now: null, next: send('panelPreview', { vacancyId }).catch(() => null) };
  void preview.next.then((p) => (preview.now = p));
  return preview;
}

/** `preview`: the first frame asked for at document_start (for the vacancy the page was loaded with). */
export function panelApi(vacancyId: string, hint: PageHint, preview: PanelApi['preview'] | null = null): PanelApi {
  return {
    ...(preview ? { preview } : {}),
    load: () => send('vacancyPanel', { vacancyId, hint }),
    apply: ({ resumeId, letter, override }) => send('apply', { vacancyId, resumeId, letter, hint, override }),
    recheck: () => send('recheckApply', { vacancyId }),
    saveDraft: (d) => void send('saveDraft', { vacancyId, ...d }).catch(ignore),
    setCollapsed: (collapsed) => void send('setPanelCollapsed', { collapsed }).catch(ignore),
    openOptions: () => void send('openOptions', {}).catch(ignore),
    listEmployer: (list, employer, on) => send('listEmployer', { list, employer, on }),
  };
}
