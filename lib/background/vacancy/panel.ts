/**
 * The background side of the vacancy panel: everything the panel shows, in one reply, and the
 * small writes it makes (draft, collapsed).
 */
import { HhError } from '../../hh/errors';
import type { ApplyOption, Employer, Resume } from '../../hh/model';
import type { PageHint } from '../../hh/gateway';
import type { VacancyPanel } from '../../messages';
import { withGateway } from '../gateways';
import { getSettings, patchSettings, snapshotItem, type Triage } from '../../store';
import { listed } from '../../triage';
import { fitScore, type Fit } from '../../fit';
import { getDraft, saveDraft } from './drafts';
import { appliedLast24h, lastApplyFor } from '../ledger';
import { operationScope, pageHintFor, requireVacancyPage, type PageSender } from './sender';

export { saveDraft } from './drafts';

/** A draft from the panel: only for the vacancy the sender's page shows. */
export async function saveDraftFrom(
  req: { vacancyId: string; text: string; resumeId?: string | null },
  sender: PageSender,
): Promise<null> {
  await pageHintFor(req.vacancyId, null, sender);
  return saveDraft(req);
}

/** Resumes that can apply first, then the better fit; hh's own order breaks ties. */
function rankOptions(options: ApplyOption[], score: (r: Resume) => Fit): VacancyPanel['options'] {
  return options
    .map((o, i) => ({ o: { ...o, ...score(o.resume) }, i }))
    .sort((a, b) => Number(b.o.canApply) - Number(a.o.canApply) || b.o.score - a.o.score || a.i - b.i)
    .map(({ o }) => o);
}

export async function vacancyPanel(
  req: { vacancyId: string; hint?: PageHint | null },
  sender: PageSender,
): Promise<VacancyPanel> {
  const hint = await pageHintFor(req.vacancyId, req.hint, sender);
  const [{ value: context, kind }, settings, snapshot, draft, lastApply, applied] = await Promise.all([
    withGateway((g) => g.vacancyContext(req.vacancyId, hint), operationScope(sender, hint)),
    getSettings(),
    snapshotItem.getValue(),
    getDraft(req.vacancyId),
    lastApplyFor(req.vacancyId),
    appliedLast24h(),
  ]);
  // A page state rewritten to describe another vacancy must not lead the panel to apply there.
  if (context.vacancy.id !== req.vacancyId) {
    throw new HhError('invalid_response', { value: `vacancy ${context.vacancy.id} instead of ${req.vacancyId}` });
  }
  return {
    vacancy: context.vacancy,
    options: rankOptions(context.options, (r) => fitScore(r, context.vacancy)),
    alreadyApplied: context.alreadyApplied,
    me: snapshot?.me ?? null,
    draft,
    templates: settings.templates,
    lastApply,
    appliedLast24h: applied,
    gateway: kind,
    collapsed: settings.panelCollapsed,
    employerLists: employerLists(settings.triage, context.vacancy.employer),
  };
}

function employerLists(triage: Triage, employer: Employer | null | undefined): NonNullable<VacancyPanel['employerLists']> {
  const e = employer ? { id: employer.id ?? null, name: employer.name } : null;
  return { hidden: listed(triage.hiddenEmployers, e), neverApply: listed(triage.neverApply, e) };
}

/** Only from a vacancy page (where the panel is): no other page of hh.ru's may flip it. */
export async function setPanelCollapsed(req: { collapsed: boolean }, sender: PageSender): Promise<null> {
  await requireVacancyPage(sender);
  await patchSettings({ panelCollapsed: req.collapsed });
  return null;
}
