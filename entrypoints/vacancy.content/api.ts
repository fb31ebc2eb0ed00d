/** The panel's outside world: messages to the background about one vacancy. */
import type { PageHint } from '../../lib/hh/gateway';
import { send } from '../../lib/client';
import type { PanelApi } from '../../components/panel/api';

const ignore = () => undefined;

export function panelApi(vacancyId: string, hint: PageHint): PanelApi {
  return {
    load: () => send('vacancyPanel', { vacancyId, hint }),
    apply: ({ resumeId, letter, override }) => send('apply', { vacancyId, resumeId, letter, hint, override }),
    recheck: () => send('recheckApply', { vacancyId }),
    saveDraft: (d) => void send('saveDraft', { vacancyId, ...d }).catch(ignore),
    setCollapsed: (collapsed) => void send('setPanelCollapsed', { collapsed }).catch(ignore),
    openOptions: () => void send('openOptions', {}).catch(ignore),
    listEmployer: (list, employer, on) => send('listEmployer', { list, employer, on }),
  };
}
