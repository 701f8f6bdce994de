/** The first wait once an account and source have spent their free failures; it doubles from there. */
export const FIRST_SIGN_IN_WAIT_SECONDS = 30;

/**
 * How long an account and source wait before their next sign-in attempt after `failures` failures
 * within the window: nothing before the `free`-th, then 30 s, doubling with every further failure,
 * up to the window.
 */
export function signInWaitSeconds(failures: number, free: number, maxSeconds: number): number {
  if (failures < free) return 0;
  return Math.min(maxSeconds, FIRST_SIGN_IN_WAIT_SECONDS * 2 ** Math.min(failures - free, 20));
}
