import { first } from './first';
import '../../components/theme.css';
import { mountPopup } from '../../components/popup/mount';

// The first frame waits on one storage read; zod, the store and the messaging client come after it.
void mountPopup(document.getElementById('app')!, first);
