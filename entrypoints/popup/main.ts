import { mountPopup } from '../../components/popup/mount';
import { readFirstPaint } from '../../lib/first-paint';
import '../../components/theme.css';

// The first frame waits on one storage read; zod, the store and the messaging client come after it.
void mountPopup(document.getElementById('app')!, readFirstPaint());
