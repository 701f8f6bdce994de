import { FIRST_SIGN_IN_WAIT_SECONDS, signInWaitSeconds } from './sign-in-wait';

describe('signInWaitSeconds', () => {
  it('lets the free failures pass, then doubles the wait up to the window', () => {
    const waits = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 50].map((failures) => signInWaitSeconds(failures, 5, 900));
    expect(FIRST_SIGN_IN_WAIT_SECONDS).toBe(30);
    expect(waits).toEqual([0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900]);
  });
});
