/**
 * GraphiQL 5 names a tab after its operation name (or `<untitled>`) and recomputes the name on
 * every edit. Each example has a short operation name (`query Plans`), so the tab shows it whole
 * even with every example open at 1440 px; the question it answers, the file's first comment
 * line, is too long for a tab and becomes the tab's tooltip. GraphiQL has no prop for that, so
 * this component, rendered inside GraphiQL's provider, sets it after every render.
 */
import { useLayoutEffect } from 'react';
import { useGraphiQL } from '@graphiql/react';
import { commentTitle } from './examples.ts';

export function QuestionTooltips(): null {
  const tabs = useGraphiQL((state) => state.tabs);
  useLayoutEffect(() => {
    tabs.forEach((tab, index) => {
      const button = document.getElementById(`graphiql-session-tab-${index}`);
      if (!button) return;
      const question = commentTitle(tab.query) ?? tab.title;
      if (button.title !== question) button.title = question;
    });
  });
  return null;
}
