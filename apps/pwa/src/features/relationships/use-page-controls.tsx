// A page's one open form and its done message: opening a form remembers the button that opened it
// (focus goes back there on cancel), and a change that went through is said at the top, with focus.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { PageControls } from "./page-form";
import type { Open, Scope } from "./relationship-types";

export function usePageControls(scope: Scope, onErrorsChange: (hasErrors: boolean) => void) {
  const [open, setOpen] = useState<Open>(null);
  const [done, setDone] = useState<{ text: string; at: number }>();
  const returnTo = useRef<string>();
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const show = useCallback((next: Exclude<Open, null>, fromId: string) => {
    returnTo.current = fromId;
    setDone(undefined);
    setOpen(next);
  }, []);
  const cancel = useCallback(() => {
    setOpen(null);
    onErrorsChange(false);
    const id = returnTo.current;
    requestAnimationFrame(() => (id ? document.getElementById(id)?.focus() : undefined));
  }, [onErrorsChange]);
  const finish = useCallback(
    (text: string) => {
      setOpen(null);
      onErrorsChange(false);
      setDone({ text, at: Date.now() });
    },
    [onErrorsChange],
  );

  const controls: PageControls = useMemo(
    () => ({ scope, open, show, cancel, done: finish, onErrorsChange }),
    [scope, open, show, cancel, finish, onErrorsChange],
  );
  const doneMessage = done ? (
    <div className="nhsuk-inset-text" tabIndex={-1} ref={doneRef} role="status" key={done.at}>
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <p>{done.text}</p>
    </div>
  ) : null;
  return { controls, doneMessage };
}
