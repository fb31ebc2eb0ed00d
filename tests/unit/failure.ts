import { HhError, type ErrorInfo } from '../../lib/hh/errors';

/** The error a call ends in, as the user would be told it; a call that succeeds fails the test. */
export async function failure(p: Promise<unknown>): Promise<ErrorInfo> {
  try {
    await p;
  } catch (e) {
    if (e instanceof HhError) return e.info;
    throw e;
  }
  throw new Error('expected a failure');
}
