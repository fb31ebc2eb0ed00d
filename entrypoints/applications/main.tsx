import { render } from 'preact';
import { History } from '../../components/history/History';
import { send } from '../../lib/client';
import '../../components/theme.css';

render(<History load={() => send('history', {})} />, document.getElementById('app')!);
