import { readFirstPaint } from '../../lib/first-paint';
import '../../components/theme.css';
import '../../components/ui/ui.css';

// The one storage read starts before the popup's own code has loaded. Its stylesheet comes with
// that code (components/popup/Popup.tsx), after these, and is in before the cards are drawn.
const first = readFirstPaint();
void import('../../components/popup/mount').then(({ mountPopup }) => mountPopup(document.getElementById('app')!, first));
