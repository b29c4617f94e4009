// At phone width the app is one column: either the chat or the workspace panel shows, and a
// toggle switches between them. Features call `showPanel()` when the user opens something in the
// panel from the chat (a plan's agent, a run link), so it comes into view and takes the focus.
import { createContext, useContext } from 'react';

export type Pane = 'chat' | 'panel';

export interface PaneControl {
  pane: Pane;
  showChat(): void;
  showPanel(): void;
}

const PaneContext = createContext<PaneControl>({ pane: 'panel', showChat: () => {}, showPanel: () => {} });
export const PaneProvider = PaneContext.Provider;
export const usePane = () => useContext(PaneContext);
