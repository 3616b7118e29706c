/** Event stamps for one moment under one profile. */
import type { Profile } from './profiles.ts';
import type { StampFor } from './barge-teardown.ts';

export function stamper(now: number, profile: Profile): StampFor {
  return (workNo) => ({ workNo, time: now, withGenTime: profile.eventGenTime });
}
