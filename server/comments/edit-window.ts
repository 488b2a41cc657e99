/** Whether a comment created at `createdAt` may still be edited at `now`, in a site's window of `minutes` (0: never). */
export function isWithinEditWindow(minutes: number, createdAt: number, now: number): boolean {
  return minutes > 0 && now - createdAt <= minutes * 60_000;
}
