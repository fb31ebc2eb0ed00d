/** Longer than any frame takes on a loaded machine: what waits for a frame goes on after this at the latest. */
const FRAME_WAIT_MS = 200;

/**
 * Settles once the frame now being prepared has been painted: a task queued from a frame callback
 * runs after that frame. A hidden page gets no frames, and one may never come (a popup closed
 * while it opened): then at once, or after FRAME_WAIT_MS at most.
 */
export function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => {
    if (document.visibilityState === 'hidden') return resolve();
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, FRAME_WAIT_MS);
  });
}
