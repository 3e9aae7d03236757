/**
 * GraphiQL 5 names a tab after its operation name (or `<untitled>`) and recomputes the name on
 * every edit; it has no prop for titles. The examples are titled by their first comment line,
 * so this component, rendered inside GraphiQL's provider, writes that title into each tab
 * button after every render. It edits the text node React created, so React's own updates land
 * on the same node and are corrected in the same commit.
 */
import { useLayoutEffect } from 'react';
import { useGraphiQL } from '@graphiql/react';
import { commentTitle } from './examples.ts';

export function CommentTabTitles(): null {
  const tabs = useGraphiQL((state) => state.tabs);
  useLayoutEffect(() => {
    tabs.forEach((tab, index) => {
      const button = document.getElementById(`graphiql-session-tab-${index}`);
      const text = button?.firstChild;
      if (!button || text?.nodeType !== Node.TEXT_NODE) return;
      const title = commentTitle(tab.query) ?? tab.title;
      if (text.nodeValue !== title) text.nodeValue = title;
      button.title = title;
    });
  });
  return null;
}
