/**
 * True when a process with this pid runs on this machine: `kill(pid, 0)` succeeds, or fails only
 * for lack of permission (EPERM: the process exists but belongs to another user).
 */
export function isProcessRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
