/** Cover-letter drafts per vacancy: kept across reloads and restarts until the application is sent. */
import { draftsItem, readItem, updateItem, type Draft } from '../../store';

/** Old drafts beyond this many are dropped, oldest first: storage.local is not a junk drawer. */
const MAX_DRAFTS = 200;

/**
 * After the save a page sent as it closed: on a reload the new page's panel asks as soon as it is
 * parsed, while that save may still be on its way to storage.
 */
export async function getDraft(vacancyId: string): Promise<Draft | null> {
  return (await readItem(draftsItem))[vacancyId] ?? null;
}

/** Typing into an emptied letter removes the draft rather than keeping a blank one. */
export async function saveDraft(req: { vacancyId: string; text: string; resumeId?: string | null }): Promise<null> {
  await updateItem(draftsItem, (all) => {
    const drafts = { ...all };
    delete drafts[req.vacancyId];
    if (req.text.trim()) drafts[req.vacancyId] = { text: req.text, resumeId: req.resumeId ?? null, updatedAt: Date.now() };
    const kept = Object.entries(drafts)
      .sort(([, a], [, b]) => b.updatedAt - a.updatedAt)
      .slice(0, MAX_DRAFTS);
    return Object.fromEntries(kept);
  });
  return null;
}

export async function clearDraft(vacancyId: string): Promise<void> {
  await updateItem(draftsItem, (all) => {
    if (!(vacancyId in all)) return all;
    const drafts = { ...all };
    delete drafts[vacancyId];
    return drafts;
  });
}
