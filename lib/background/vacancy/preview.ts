/**
 * The vacancy panel's first frame, kept in storage.session for the content script to read itself
 * (lib/panel-preview.ts): the resumes as last seen and whether the panel is folded, rewritten
 * whenever the snapshot or the settings change, and when the worker starts (session storage is
 * gone after a browser restart or an update).
 */
import { getSettings, panelPreviewItem, settingsItem, snapshotItem, type PanelPreview, type Settings, type Snapshot } from '../../store';

function previewOf(snapshot: Snapshot | null, settings: Pick<Settings, 'panelCollapsed'>): PanelPreview {
  return {
    resumes: (snapshot?.resumes ?? []).map((r) => ({ id: r.id, title: r.title })),
    collapsed: settings.panelCollapsed,
  };
}

/** The first frame as the stored items make it now. */
export async function currentPreview(): Promise<PanelPreview> {
  const [snapshot, settings] = await Promise.all([snapshotItem.getValue(), getSettings()]);
  return previewOf(snapshot, settings);
}

/** Writes the mirror when it differs from what is stored (a worker start usually finds it current). */
async function mirrorPanelPreview(): Promise<void> {
  const [next, stored] = await Promise.all([currentPreview(), panelPreviewItem.getValue()]);
  if (JSON.stringify(next) !== JSON.stringify(stored)) await panelPreviewItem.setValue(next);
}

/** Mirrors now and after every change of the snapshot or of the panel's folding. */
export function keepPanelPreview(): void {
  const mirror = () => void mirrorPanelPreview().catch(() => undefined);
  snapshotItem.watch(mirror);
  settingsItem.watch((next, prev) => {
    if (next?.panelCollapsed !== prev?.panelCollapsed) mirror();
  });
  mirror();
}
