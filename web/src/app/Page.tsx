/** Picks the home page for a navigation entry. */
import type { Me } from '../auth/session.ts';
import { AdminHome } from '../admin/AdminHome.tsx';
import { AssessorArea } from '../assessor/AssessorArea.tsx';
import { CoachHome } from '../coach/CoachHome.tsx';
import { DesignerHome } from '../designer/DesignerHome.tsx';
import { LearnerHome } from '../learner/LearnerHome.tsx';
import type { NavItem } from './nav.ts';
import { sharedPage } from './SharedPage.tsx';

/** The page for a navigation entry; `path` and `navigate` let a home route within itself. */
export function Page({
  item,
  me,
  path,
  navigate,
}: {
  item: NavItem;
  me: Me;
  path: string;
  navigate: (path: string) => void;
}) {
  const shared = sharedPage(path, navigate);
  if (shared) return shared;
  switch (item.role) {
    case 'learner':
      return <LearnerHome me={me} path={path} navigate={navigate} />;
    case 'coach':
      return <CoachHome path={path} navigate={navigate} />;
    case 'assessor':
      return <AssessorArea path={path} navigate={navigate} />;
    case 'designer':
      return <DesignerHome path={path} />;
    case 'admin':
      return <AdminHome me={me} />;
  }
}
