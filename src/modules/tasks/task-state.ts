/** The task state machine: which status may follow which. Plain data, tested without a database. */
import type { TaskStatus } from './events.js';

const NEXT: Record<TaskStatus, readonly TaskStatus[]> = {
  open: ['in_progress', 'done', 'cancelled'],
  // Putting a started task back in the queue is allowed: whoever took it may hand it back.
  in_progress: ['open', 'done', 'cancelled'],
  // Reopen: the problem came back.
  done: ['open'],
  cancelled: [],
};

export function canMove(from: TaskStatus, to: TaskStatus): boolean {
  return NEXT[from].includes(to);
}

export function nextStatuses(from: TaskStatus): readonly TaskStatus[] {
  return NEXT[from];
}

export function isClosed(status: TaskStatus): boolean {
  return status === 'done' || status === 'cancelled';
}
