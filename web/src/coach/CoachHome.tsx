/**
 * The coach's area, chosen from the path: the queue and learner list (/coach), one attempt's
 * review (/coach/attempts/:id), a learner's progress (/coach/learners/:id/progress) and the
 * practice assignments (/coach/assignments).
 */
import { CoachAssignments } from './CoachAssignments.tsx';
import { CoachAttempt } from './CoachAttempt.tsx';
import { CoachProgress } from './CoachProgress.tsx';
import { CoachQueue } from './CoachQueue.tsx';
import { COACH_PATH, coachPageOf } from './paths.ts';

export function CoachHome({ path, navigate }: { path: string; navigate: (path: string) => void }) {
  const page = coachPageOf(path);
  switch (page.kind) {
    case 'attempt':
      return <CoachAttempt key={page.id} attemptId={page.id} onBack={() => navigate(COACH_PATH)} />;
    case 'progress':
      return <CoachProgress key={page.learnerId} learnerId={page.learnerId} navigate={navigate} />;
    case 'assignments':
      return <CoachAssignments navigate={navigate} />;
    case 'queue':
      return <CoachQueue navigate={navigate} />;
  }
}
