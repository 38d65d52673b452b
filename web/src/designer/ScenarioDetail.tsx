/**
 * One scenario in full: what the learner sees (brief, opening), what the persona hides, the
 * simulated systems, how the chat ends, and the rubric packs it is graded on.
 */
import { fetchScenario, type ContentSummary } from './content-api.ts';
import { AppLink } from '../app/AppLink.tsx';
import { DetailFrame } from './DetailFrame.tsx';
import { Facts, TextList } from './Facts.tsx';
import { interactionTypeLabel } from './labels.ts';
import { ScenarioSystems } from './ScenarioSystems.tsx';
import { useLoaded } from './useLoaded.ts';

type Entry = ContentSummary['scenarios'][number];
type PersonaEntry = ContentSummary['personas'][number];

export function ScenarioDetail({
  entry,
  persona,
  onBack,
}: {
  entry: Entry;
  persona: PersonaEntry | undefined;
  onBack: () => void;
}) {
  const { value: scenario, error } = useLoaded(fetchScenario, entry.id);
  return (
    <DetailFrame
      title={entry.title}
      backLabel="Back to scenarios"
      onBack={onBack}
      error={error}
      loading={!scenario}
    >
      <p>
        <AppLink to={`/designer/edit/scenarios/${entry.id}`}>
          Edit as YAML (saved as a new version)
        </AppLink>
      </p>
      <Facts
        items={[
          ['Id', <code key="id">{entry.id}</code>],
          ['Industry', entry.industry],
          ['Interaction type', interactionTypeLabel(entry.interactionType)],
          [
            'Persona',
            persona ? `${persona.name} (${persona.traits.join(', ')})` : `${entry.persona}`,
          ],
          ['Rubric packs', entry.rubrics.join(', ')],
          ...(scenario ? ([['Version', scenario.version]] as Array<[string, string]>) : []),
        ]}
      />
      {scenario && (
        <>
          <h3>Brief (shown to the learner)</h3>
          <p className="prose">{scenario.brief}</p>
          <h3>Opening message</h3>
          <blockquote className="prose">{scenario.opening}</blockquote>
          <h3>Goal</h3>
          <p className="prose">{scenario.goal}</p>
          <h3>Acceptable resolutions</h3>
          <TextList items={scenario.acceptableResolutions} />
          <h3>Hidden facts</h3>
          <p className="hint">Revealed only when the learner asks about one of the cue words.</p>
          {scenario.hiddenFacts.length === 0 ? (
            <p className="hint">None.</p>
          ) : (
            <ul>
              {scenario.hiddenFacts.map((f) => (
                <li key={f.id}>
                  {f.fact} <span className="hint">Cue words: {f.askedBy.join(', ')}</span>
                </li>
              ))}
            </ul>
          )}
          <ScenarioSystems systems={scenario.systems} />
          <h3>End conditions</h3>
          <Facts
            items={[
              ['Resolved when', scenario.endConditions.resolved],
              ['Customer leaves when', scenario.endConditions.customerLeaves],
              ['Escalated when', scenario.endConditions.escalated],
              ['Maximum turns', String(scenario.endConditions.maxTurns)],
            ]}
          />
          {scenario.reviewTranscript && (
            <>
              <h3>Transcript to review</h3>
              <ol className="transcript">
                {scenario.reviewTranscript.map((turn, i) => (
                  <li key={i}>
                    <strong>{turn.speaker === 'agent' ? 'Agent' : 'Customer'}:</strong> {turn.text}
                  </li>
                ))}
              </ol>
            </>
          )}
        </>
      )}
    </DetailFrame>
  );
}
