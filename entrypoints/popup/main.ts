// The first frame's styles, all in the page's one stylesheet: the rest of the popup's code loads later.
import '../../components/theme.css';
import '../../components/ui/ui.css';
import '../../components/popup/popup.css';
import { afterNextFrame } from '../../components/popup/frame';
import { readFirstPaint } from '../../lib/first-paint';

const root = document.getElementById('app')!;
// popup-first.js has drawn the kept first frame (components/popup/first-frame.ts): that frame
// reaches the screen before any of the popup's own code is fetched or run. Without one, the
// storage read starts at once and the rest loads beside it.
const before = root.firstChild ? afterNextFrame() : Promise.resolve();
const first = before.then(() => readFirstPaint());
void before.then(() => import('../../components/popup/mount')).then((m) => m.mountPopup(root, first));
