/** Opens another conversation in the inbox. The href is the inbox URL with `c=<id>`, so
 * Ctrl/Cmd-click and "open in new tab" work too; a plain click switches in place. */
import type { MouseEvent, ReactNode } from 'react';
import { conversationUrl } from '../routes';

interface Props {
  id: string;
  onOpen: (id: string) => void;
  children: ReactNode;
}

export function ConversationLink({ id, onOpen, children }: Props) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    onOpen(id);
  };
  return (
    <a href={conversationUrl(id, window.location.search)} onClick={onClick}>
      {children}
    </a>
  );
}
