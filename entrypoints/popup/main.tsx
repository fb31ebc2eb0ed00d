import { render } from 'preact';
import { Popup, readPopupStored } from '../../components/popup/Popup';
import '../../components/theme.css';

// The first render already has the stored snapshot: no empty frame, no read waiting on an effect.
void readPopupStored().then(
  (stored) => render(<Popup stored={stored} />, document.getElementById('app')!),
  () => render(<Popup />, document.getElementById('app')!),
);
