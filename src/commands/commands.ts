/**
 * The ribbon's function file (manifest FunctionFile → commands.html). The only button today opens
 * the task pane (ShowTaskpane needs no code); `action` is the hook for later ExecuteFunction buttons.
 */

/** A ribbon command: does nothing yet, but must always call `completed()` or Office waits on it. */
export function action(event: Office.AddinCommands.Event): void {
  event.completed();
}

function isOfficeAvailable(): boolean {
  return typeof Office !== 'undefined' && typeof Office.onReady === 'function';
}

if (isOfficeAvailable()) {
  void Office.onReady(() => {
    // Office.actions exists only where the host supports it (shared runtime / newer builds).
    if (typeof Office.actions?.associate === 'function') {
      Office.actions.associate('action', action);
    }
  });
}
