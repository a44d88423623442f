import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';

export type ConfirmDialogProps = {
  open: boolean;
  title: string;
  /** What will happen, in full sentences. */
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
};

/** How long focus waits for a button that the confirmed action disabled while it runs. */
const WAIT_FOR_OPENER_MS = 60_000;

function canTakeFocus(element: HTMLElement): boolean {
  return element.isConnected && !element.matches(':disabled') && element.closest('[inert]') === null;
}

/** Where focus came from: the opener, and the nearest ancestor that can hold focus (the step's panel). */
type Origin = { opener: HTMLElement; holder: HTMLElement | null };

/**
 * Puts focus back on the element that opened the dialog, unless the action put it somewhere on
 * purpose. When the action disabled or removed the opener (抽取… while and after drawing), focus
 * goes to the step's panel, and on to the opener if it is enabled again while focus still waits there.
 * `surface` is the closed dialog: focus still inside it is lost focus. Returns a function that stops.
 */
function returnFocus({ opener, holder }: Origin, surface: HTMLElement | null): () => void {
  let observer: MutationObserver | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    observer?.disconnect();
    if (timer !== undefined) clearTimeout(timer);
  };
  const isWaiting = (el: Element | null) =>
    el === null ||
    el === document.body ||
    el === holder ||
    !el.isConnected ||
    (surface?.contains(el) ?? false);
  const frame = requestAnimationFrame(() => {
    if (!isWaiting(document.activeElement)) return;
    if (canTakeFocus(opener)) {
      opener.focus();
      return;
    }
    if (holder?.isConnected) holder.focus();
    if (!opener.isConnected) return;
    observer = new MutationObserver(() => {
      if (!opener.isConnected) return stop();
      if (!canTakeFocus(opener)) return undefined;
      if (isWaiting(document.activeElement)) opener.focus();
      return stop();
    });
    observer.observe(opener, { attributes: true, attributeFilter: ['disabled', 'aria-disabled'] });
    timer = setTimeout(stop, WAIT_FOR_OPENER_MS);
  });
  return () => {
    cancelAnimationFrame(frame);
    stop();
  };
}

/**
 * A modal "are you sure": the confirm button names the action, 取消 closes without changes.
 * 取消 has the focus when it opens (Enter twice must not do something that cannot be undone), and
 * focus goes back where it came from after 取消, Escape or the action.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  const surfaceRef = useRef<HTMLDivElement>(null);
  const originRef = useRef<Origin | null>(null);
  // The surface as it was while open: after closing, the ref is emptied as it unmounts.
  const lastSurfaceRef = useRef<HTMLElement | null>(null);

  // A layout effect runs before the dialog's own (passive) effect moves focus into it, so the
  // element that opened the dialog still has focus here.
  useLayoutEffect(() => {
    if (!open) return;
    const active = document.activeElement;
    originRef.current =
      active instanceof HTMLElement && active !== document.body
        ? { opener: active, holder: active.parentElement?.closest<HTMLElement>('[tabindex="-1"]') ?? null }
        : null;
  }, [open]);

  useEffect(() => {
    if (open) {
      lastSurfaceRef.current = surfaceRef.current;
      // Runs after Fluent's effect that focuses the first button (the action): 取消 instead.
      cancelRef.current?.focus();
      return undefined;
    }
    const origin = originRef.current;
    originRef.current = null;
    return origin ? returnFocus(origin, lastSurfaceRef.current) : undefined;
  }, [open]);

  return (
    <Dialog open={open} modalType="modal" onOpenChange={(_, data) => (data.open ? undefined : onCancel())}>
      <DialogSurface aria-describedby={undefined} ref={surfaceRef}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>{children}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm}>
              {confirmLabel}
            </Button>
            <Button appearance="secondary" onClick={onCancel} ref={cancelRef}>
              取消
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
