import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { Highlighted } from '../../../web/src/assessor/Highlighted.tsx';

const render = (text: string, quotes: string[]) =>
  renderToStaticMarkup(createElement(Highlighted, { text, quotes }));

describe('quote highlighting', () => {
  it('marks each quoted passage and renders markup in the chat as text', () => {
    expect(
      render('Hi <b>Aroha</b>, sorry about that. Which would you prefer?', [
        'sorry about that',
        'Which would you prefer?',
      ]),
    ).toBe(
      'Hi &lt;b&gt;Aroha&lt;/b&gt;, <mark>sorry about that</mark>. <mark>Which would you prefer?</mark>',
    );
  });

  it('leaves text without quotes untouched', () => {
    expect(render('plain', [])).toBe('plain');
  });
});
