/** Designer home: personas, scenarios, rubric packs and eval runs. */
import { EmptyState } from '../components/EmptyState.tsx';

export function DesignerHome() {
  return (
    <section>
      <h1>Content</h1>
      <EmptyState title="No content loaded yet">
        <p>
          Personas, scenarios and rubric packs from the repository will be listed here with their
          validation status and the coverage of the standards. Eval runs and the persona playground
          will sit alongside them.
        </p>
      </EmptyState>
    </section>
  );
}
