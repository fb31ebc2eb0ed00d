/** Every figure, in the order the issue lists them. */
import type { Figure } from '../figure';
import { answersPollFigure, historyFigure, inboxFigure } from './applications';
import { marksFigure } from './marks';
import { memoryFigure } from './memory';
import { overheadFigure, overheadLightFigure } from './overhead';
import { panelFigure } from './panel';
import { popupFigure } from './popup';
import { raiseFigure } from './raise';
import { sizeFigure } from './size';

export const FIGURES: readonly Figure[] = [panelFigure, overheadFigure, overheadLightFigure, marksFigure, popupFigure, raiseFigure, sizeFigure, memoryFigure, answersPollFigure, inboxFigure, historyFigure];
