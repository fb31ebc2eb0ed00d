/** Cover-letter drafts per vacancy: kept across reloads and restarts until the application is sent. */
import { draftsItem, type Draft } from '../../store';
import { createSerial } from '../../serial';

/** Old drafts beyond this many are dropped, oldest first: storage.local is not a junk drawer. */
const MAX_DRAFTS = 200;

const serial = createSerial();

export async function getDraft(vacancyId: string): Promise<Draft | null> {
  return (await draftsItem.getValue())[vacancyId] ?? null;
}

/** Typing into an emptied letter removes the draft rather than keeping a blank one. */
export function saveDraft(req: { vacancyId: string; text: string; resumeId?: string | null }): Promise<null> {
  return serial(async () => {
    const drafts = { ...(await draftsItem.getValue()) };
    delete drafts[req.vacancyId];
    if (req.text.trim()) drafts[req.vacancyId] = { text: req.text, resumeId: req.resumeId ?? null, updatedAt: Date.now() };
    const kept = Object.entries(drafts)
      .sort(([, a], [, b]) => b.updatedAt - a.updatedAt)
      .slice(0, MAX_DRAFTS);
    await draftsItem.setValue(Object.fromEntries(kept));
    return null;
  });
}

export function clearDraft(vacancyId: string): Promise<void> {
  return serial(async () => {
    const drafts = { ...(await draftsItem.getValue()) };
    if (!(vacancyId in drafts)) return;
    delete drafts[vacancyId];
    await draftsItem.setValue(drafts);
  });
}
