import { render } from 'preact';
import { Options } from '../../components/options/Options';
import '../../components/theme.css';

render(<Options />, document.getElementById('app')!);
