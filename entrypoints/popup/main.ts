// The first frame's styles, all in the page's one stylesheet (wxt.config.ts inlines it in popup.html).
import '../../components/theme.css';
import '../../components/ui/ui.css';
import '../../components/popup/popup.css';
import { afterNextFrame } from '../../components/popup/frame';
import { mountPopup } from '../../components/popup/mount';
import { FIRST_PAINT_READ, readFirstPaint, type FirstPaint } from '../../lib/first-paint';

const root = document.getElementById('app')!;
// popup-first.js has drawn the kept first frame (components/popup/first-frame.ts): that frame
// reaches the screen before the popup reads storage or renders. Without one, it has started the
// storage read already (else it starts now), and the popup renders as soon as storage answers.
const before = root.firstChild ? afterNextFrame() : Promise.resolve();
const started = (globalThis as Record<string, unknown>)[FIRST_PAINT_READ] as Promise<FirstPaint | null> | undefined;
const first = started ?? before.then(() => readFirstPaint());
void before.then(() => mountPopup(root, first));
