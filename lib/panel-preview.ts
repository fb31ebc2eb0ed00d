/**
 * The vacancy panel's first frame, read by the content script itself from storage.session
 * (`panelPreviewItem` of lib/store.ts, which the background keeps current): no round trip through
 * the background, which may be asleep and take a while to start. Measured at document_start on
 * the sandbox vacancy page: ~8 ms to the answer, against ~18 ms for the same through a message,
 * and hh.ru's page is parsed ~15 ms after that moment, so the resumes are drawn with the panel's
 * first frame instead of a frame later (issue #17).
 *
 * Free of zod and the store, like lib/first-paint.ts (./native is its one run-time import): a
 * content script runs on every vacancy view. Nothing read is trusted: anything off gives null, and the
 * panel then waits for the background's answer (`panelPreview`). So does a browser that keeps
 * storage.session from content scripts (Firefox): the read fails and answers null.
 */
import type { PanelPreview } from './store';
import { nativeExtension } from './native';

/** The storage.session key of `panelPreviewItem` (WXT's `session:<key>`); tests hold the two together. */
export const PANEL_PREVIEW_KEY = 'panelPreview';

/** The stored value as a preview, or null when it is not one. */
export function asPanelPreview(value: unknown): PanelPreview | null {
  if (typeof value !== 'object' || value === null) return null;
  const { resumes, collapsed } = value as { resumes?: unknown; collapsed?: unknown };
  if (!Array.isArray(resumes) || typeof collapsed !== 'boolean') return null;
  const list: PanelPreview['resumes'] = [];
  for (const r of resumes as unknown[]) {
    const { id, title } = (r ?? {}) as { id?: unknown; title?: unknown };
    if (typeof id !== 'string' || typeof title !== 'string') return null;
    list.push({ id, title });
  }
  return { resumes: list, collapsed };
}

/** The mirrored first frame, or null when there is none, it cannot be read here, or it is malformed. */
export async function readPanelPreview(): Promise<PanelPreview | null> {
  try {
    const area = nativeExtension()?.storage?.session;
    return area ? asPanelPreview((await area.get(PANEL_PREVIEW_KEY))[PANEL_PREVIEW_KEY]) : null;
  } catch {
    return null;
  }
}
