/**
 * The person's triage lists, written by the background only (one writer, so a card's click and
 * the options page's save never lose each other's change), and the panel's never-apply guard.
 */
import { HhError } from '../../hh/errors';
import { isSiteUrl } from '../../hh/sites';
import type { PageHint } from '../../hh/gateway';
import { withGateway } from '../gateways';
import { EMPLOYER_LIST_MAX, getSettings, updateSettings, type ListedEmployer, type Triage } from '../../store';
import { listed, toggleListed } from '../../triage';
import type { PageSender } from './sender';

/** The pages our content scripts offer "hide this employer" on: search results and a vacancy. */
const OFFERED_ON = /^\/(search\/vacancy|vacancy\/\d+)/;

export type EmployerList = 'hiddenEmployers' | 'neverApply';

/**
 * Adds or removes one employer. A content script may ask only from a search or vacancy page of
 * an hh site (the URL the browser reports, which the page cannot forge); our own pages may always.
 */
export async function listEmployer(
  req: { list: EmployerList; employer: ListedEmployer; on: boolean },
  sender: PageSender,
): Promise<Triage> {
  if (!sender.internal) {
    const path = sender.url && isSiteUrl(sender.url) ? new URL(sender.url).pathname : '';
    if (!OFFERED_ON.test(path)) throw new HhError('forbidden', { value: `listEmployer from ${path || 'an unknown page'}` });
  }
  const employer = { id: req.employer.id ?? null, name: req.employer.name.trim() };
  if (!employer.name && !employer.id) throw new HhError('internal', { value: 'listEmployer without an employer' });
  const next = await updateSettings((s) => {
    const list = toggleListed(s.triage[req.list], employer, req.on);
    // The stored list's own bound, said so a person can act on it (not as a schema's complaint).
    if (list.length > EMPLOYER_LIST_MAX) throw new HhError('internal', { value: 'list-full', ...LIST_FULL[req.list] });
    return { ...s, triage: { ...s.triage, [req.list]: list } };
  });
  return next.triage;
}

const LIST_FULL: Record<EmployerList, { ru: string; en: string }> = {
  hiddenEmployers: {
    ru: `В списке скрытых уже ${EMPLOYER_LIST_MAX} работодателей: уберите ненужных в настройках Отклика (раздел «Разбор выдачи»), затем скройте этого.`,
    en: `Your hidden-employers list already holds ${EMPLOYER_LIST_MAX}: remove some in Otklik’s settings (Search triage section), then hide this one.`,
  },
  neverApply: {
    ru: `В списке «не откликаться» уже ${EMPLOYER_LIST_MAX} работодателей: уберите ненужных в настройках Отклика (раздел «Разбор выдачи»), затем добавьте этого.`,
    en: `Your never-apply list already holds ${EMPLOYER_LIST_MAX} employers: remove some in Otklik’s settings (Search triage section), then add this one.`,
  },
};

const GUARDED = {
  ru: 'Этот работодатель в вашем списке «не откликаться». Отметьте «Откликнуться всё равно», если вы уверены.',
  en: 'This employer is on your never-apply list. Tick “apply anyway” if you are sure.',
};

/**
 * The apply guard, in the background too (the panel's checkbox is the person's way past it): an
 * apply to an employer on the never-apply list is refused unless overridden. The employer is read
 * only when the list has anyone on it; the site gateway reads it from the page's own state.
 */
export async function guardApply(vacancyId: string, hint: PageHint | undefined, override: boolean | undefined): Promise<void> {
  if (override) return;
  const { triage } = await getSettings();
  if (triage.neverApply.length === 0) return;
  const { value } = await withGateway((g) => g.vacancyContext(vacancyId, hint));
  // Another vacancy's employer would say nothing about this one.
  if (value.vacancy.id !== vacancyId) throw new HhError('invalid_response', { value: `vacancy ${value.vacancy.id} instead of ${vacancyId}` });
  const employer = value.vacancy.employer;
  if (employer && listed(triage.neverApply, { id: employer.id ?? null, name: employer.name })) {
    throw new HhError('forbidden', { value: 'never-apply employer', ...GUARDED });
  }
}
