// Which of the chat and the workspace panel shows at phone width, and where the focus goes when a
// feature switches: to the pane it brought into view. The link or button used may just have been
// hidden with its pane; without this the focus would fall to the page's body and a keyboard user's
// next Tab would start again from the top of the page.
import { type RefObject, useMemo, useRef, useState } from 'react';
import type { Pane, PaneControl } from './pane.tsx';

/** `initial`: the pane shown first, e.g. the panel when the address opened is one of its pages. */
export function usePaneControl(initial: Pane = 'chat') {
  const [pane, setPane] = useState<Pane>(initial);
  const chat = useRef<HTMLElement>(null);
  const panel = useRef<HTMLElement>(null);
  const control = useMemo<PaneControl>(() => {
    const show = (next: Pane, target: RefObject<HTMLElement | null>) => {
      setPane(next);
      // After the pane shows (a hidden element cannot take the focus) and the link has navigated.
      requestAnimationFrame(() => target.current?.focus());
    };
    return { pane, showChat: () => show('chat', chat), showPanel: () => show('panel', panel) };
  }, [pane]);
  return { pane, setPane, control, chat, panel };
}
