/**
 * The popup's first frame, drawn while popup.html is parsed: a classic script (a module would wait
 * for the parse to end), run before the page's first frame, reading localStorage synchronously
 * (storage.local answers a frame or more later). components/popup/first-frame.ts says what it
 * draws and why it can be trusted for that frame only; entrypoints/popup/main.ts takes over.
 *
 * With nothing kept, the first frame waits for the popup's one storage read: it starts here, while
 * the module and the rest of the popup are still being fetched, and main.ts picks it up.
 */
import { paintFirstFrame } from '../components/popup/first-frame';
import { FIRST_PAINT_READ, readFirstPaint } from '../lib/first-paint';

export default defineUnlistedScript(() => {
  const root = document.getElementById('app');
  if (root && !paintFirstFrame(root)) Object.defineProperty(globalThis, FIRST_PAINT_READ, { value: readFirstPaint() });
});
