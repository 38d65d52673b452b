/** One persona card: who they are, how they write, what moves their mood, and their limits. */
import { fetchPersona, type ContentSummary } from './content-api.ts';
import { AppLink } from '../app/AppLink.tsx';
import { DetailFrame } from './DetailFrame.tsx';
import { Facts, TextList } from './Facts.tsx';
import { interactionTypeLabel, yesNo } from './labels.ts';
import { TraitList } from './TraitList.tsx';
import { useLoaded } from './useLoaded.ts';

type Entry = ContentSummary['personas'][number];
type ScenarioEntry = ContentSummary['scenarios'][number];

export function PersonaDetail({
  entry,
  scenarios,
  onBack,
}: {
  entry: Entry;
  scenarios: ScenarioEntry[];
  onBack: () => void;
}) {
  const { value: persona, error } = useLoaded(fetchPersona, entry.id);
  return (
    <DetailFrame
      title={entry.name}
      backLabel="Back to personas"
      onBack={onBack}
      error={error}
      loading={!persona}
    >
      <p>
        <AppLink to={`/designer/edit/personas/${entry.id}`}>
          Edit as YAML (saved as a new version)
        </AppLink>
      </p>
      <Facts
        items={[
          ['Id', <code key="id">{entry.id}</code>],
          ['Traits', <TraitList key="traits" traits={entry.traits} />],
          ['Locale', entry.locale],
          ['Version', entry.version],
        ]}
      />
      {persona && (
        <>
          <h3>Summary</h3>
          <p className="prose">{persona.summary}</p>
          <h3>Voice</h3>
          <Facts
            items={[
              ['Message length', persona.voice.messageLength],
              ['Typos', persona.voice.typos],
              ['Takes words literally', yesNo(persona.voice.literal)],
              ['First language', persona.voice.firstLanguage],
              ['Language level', persona.voice.languageLevel],
            ]}
          />
          <h4>Typical phrases</h4>
          <TextList items={persona.voice.phrases} />
          <h3>Mood</h3>
          <p>Starts at {persona.mood.start} on a scale of 0 to 10 (higher is a better mood).</p>
          <h4>Raised by</h4>
          <TextList items={persona.mood.raisedBy} />
          <h4>Lowered by</h4>
          <TextList items={persona.mood.loweredBy} />
          <h3>Limits</h3>
          <Facts
            items={[
              ['Patience', `${persona.limits.patience} turns`],
              ['Asks for a supervisor when', persona.limits.asksForSupervisorWhen],
              ['Leaves when', persona.limits.leavesWhen],
            ]}
          />
        </>
      )}
      <h3>Scenarios with this persona</h3>
      <TextList
        items={scenarios.map((s) => `${s.title} (${interactionTypeLabel(s.interactionType)})`)}
      />
    </DetailFrame>
  );
}
