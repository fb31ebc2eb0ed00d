import { startBackground } from '../lib/background/index';

export default defineBackground(() => {
  startBackground();
});
