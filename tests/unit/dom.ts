/** Reading a rendered tree in the unit tests (happy-dom), as a person reads it. */

/** An element's text with its whitespace as a person sees it: runs of blanks as one space. */
export const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim();

/**
 * Polls until `check` passes. On performance.now(), not Date: vi.waitFor and Date would move a
 * faked clock on, and the popup's countdowns with it.
 */
export async function until(check: () => void, timeoutMs = 3000): Promise<void> {
  const end = performance.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (e) {
      if (performance.now() > end) throw e;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}
