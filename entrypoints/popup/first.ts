import { readFirstPaint } from '../../lib/first-paint';

/**
 * The first frame's one storage read, started as this module is evaluated: main.ts imports it
 * before the UI, so the read runs while preact and the popup's components are being evaluated.
 */
export const first = readFirstPaint();
