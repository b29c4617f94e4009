// The open conversation lives in the address (`?c=<id>`), so a reload or a shared link resumes
// it. Links elsewhere in the app do not carry it; the chat keeps its own copy and puts it back.
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';

const parameter = 'c';

export function useOpenConversation() {
  const [searchParams, setSearchParams] = useSearchParams();
  const inAddress = searchParams.get(parameter);
  const [open, setOpen] = useState<string | null>(inAddress);

  // The address names another conversation (the back button, a pasted link): follow it.
  useEffect(() => {
    if (inAddress !== null) setOpen(inAddress);
  }, [inAddress]);

  // A page change dropped it from the address: put it back without a new history entry.
  useEffect(() => {
    if (open !== null && inAddress === null)
      setSearchParams(
        (current) => {
          current.set(parameter, open);
          return current;
        },
        { replace: true },
      );
  }, [open, inAddress, setSearchParams]);

  const openConversation = useCallback(
    (conversationId: string | null) => {
      setOpen(conversationId);
      setSearchParams((current) => {
        if (conversationId) current.set(parameter, conversationId);
        else current.delete(parameter);
        return current;
      });
    },
    [setSearchParams],
  );
  return [open, openConversation] as const;
}
