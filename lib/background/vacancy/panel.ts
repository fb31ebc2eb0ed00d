/**
 * The background side of the vacancy panel: everything the panel shows, in one reply, and the
 * small writes it makes (draft, collapsed).
 */
import { HhError } from '../../hh/errors';
import type { ApplyOption, Employer, GatewayKind, Resume, VacancyContext } from '../../hh/model';
import type { PageHint } from '../../hh/gateway';
import type { PanelPreview, VacancyPanel } from '../../messages';
import { planGateways, withGateway } from '../gateways';
import { gatewayOf } from '../hh-client';
import { getSettings, patchSettings, snapshotItem, type Triage } from '../../store';
import { listed } from '../../triage';
import { fitScore, type Fit } from '../../fit';
import { getDraft, saveDraft } from './drafts';
import { appliedLast24h, lastApplyFor } from '../ledger';
import { operationScope, pageHintFor, requireVacancyPage, type PageSender } from './sender';
import { currentPreview } from './preview';

export { saveDraft } from './drafts';

/** A draft from the panel: only for the vacancy the sender's page shows. */
export async function saveDraftFrom(
  req: { vacancyId: string; text: string; resumeId?: string | null },
  sender: PageSender,
): Promise<null> {
  await pageHintFor(req.vacancyId, null, sender);
  return saveDraft(req);
}

/**
 * The panel's first frame, from two stored items and no request: the content script asks at
 * document_start (where it cannot read the stored mirror itself: Firefox), so the answer is there
 * by the time hh.ru's page is. Through the API the vacancy itself needs nothing from the page
 * either: its read starts now, and `vacancyPanel` picks it up when the page is loaded.
 */
export async function panelPreview(req: { vacancyId: string }, sender: PageSender): Promise<PanelPreview> {
  const page = pageHintFor(req.vacancyId, null, sender);
  startEarly(req.vacancyId, sender, page);
  await page;
  return currentPreview();
}

/** What an early API read came to: the vacancy, or why the API would not give it. */
type Early = { value: VacancyContext } | { error: unknown } | null;

/** API reads started by `panelPreview`, by tab and vacancy: taken once, or forgotten after a while. */
const early = new Map<string, { at: number; read: Promise<Early> }>();
const EARLY_TTL_MS = 30_000;
const EARLY_MAX = 16;
const earlyKey = (tabId: number, vacancyId: string) => `${tabId}:${vacancyId}`;

/**
 * Registered at once, before anything is awaited, so the page's `vacancyPanel` finds it even when
 * it arrives while the checks below still run; `page` is panelPreview's own check of the sender,
 * awaited here rather than run twice. Null when the API is not the first way to read.
 */
function startEarly(vacancyId: string, sender: PageSender, page: Promise<PageHint | undefined>): void {
  if (sender.tabId === undefined) return;
  const now = Date.now();
  for (const [key, e] of early) if (now - e.at > EARLY_TTL_MS || early.size >= EARLY_MAX) early.delete(key);
  const read = (async (): Promise<Early> => {
    const hint = await page;
    if ((await planGateways()).order[0] !== 'api') return null;
    try {
      return { value: await (await gatewayOf('api', operationScope(sender, hint))).vacancyContext(vacancyId) };
    } catch (error) {
      return { error };
    }
  })().catch(() => null);
  early.set(earlyKey(sender.tabId, vacancyId), { at: now, read });
}

async function takeEarly(vacancyId: string, sender: PageSender): Promise<Early> {
  if (sender.tabId === undefined) return null;
  const key = earlyKey(sender.tabId, vacancyId);
  const e = early.get(key);
  early.delete(key);
  return e && Date.now() - e.at <= EARLY_TTL_MS ? e.read : null;
}

/** For tests: how many early reads are held. */
export const earlyHeld = () => early.size;

/**
 * The vacancy through the gateways, or from the early API read. An early read that failed is not
 * asked again of the API: its error goes through `withGateway` as if just met (the site's turn
 * when the API refuses this app, the captcha pause, sign-in).
 */
async function vacancyContext(
  vacancyId: string,
  hint: PageHint | undefined,
  sender: PageSender,
): Promise<{ value: VacancyContext; kind: GatewayKind }> {
  const ready = await takeEarly(vacancyId, sender);
  if (ready && 'value' in ready) return { value: ready.value, kind: 'api' };
  return withGateway(
    (g) => (ready && g.kind === 'api' ? Promise.reject(ready.error) : g.vacancyContext(vacancyId, hint)),
    operationScope(sender, hint),
  );
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
    vacancyContext(req.vacancyId, hint, sender),
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
