import { FluentProvider, Spinner, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { createOfficeWorkbook, detectCapabilities } from '../workbook';
import { App } from './App';

/** How long to wait for Office.onReady before deciding the page is not inside Excel. */
export const OFFICE_READY_TIMEOUT_MS = 3000;

/**
 * Resolves true once Office.onReady reports Excel, however long that takes; false when office.js
 * is missing (CDN blocked, plain browser), the host is something else, or onReady fails.
 */
function whenOfficeReady(): Promise<boolean> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return Promise.resolve(false);
  return new Promise((resolve) => {
    try {
      Office.onReady((info) => resolve(info.host === Office.HostType.Excel)).catch(() => resolve(false));
    } catch {
      resolve(false);
    }
  });
}

function isOfficeDarkTheme(): boolean {
  try {
    // officeTheme is missing on older hosts and throws on some before the context is ready.
    return Office.context?.officeTheme?.isDarkTheme === true;
  } catch {
    return false;
  }
}

/** What this Excel cannot do, in Chinese (empty when everything is supported or unknown). */
function readCapabilityMessages(): string[] {
  try {
    return detectCapabilities(Office.context.requirements).unavailable.map((u) => u.message);
  } catch {
    // No requirements object (very old host): the adapter reports missing features when used.
    return [];
  }
}

/** Renders the pane into `container`: a spinner, then the app in Excel or its not-in-Excel state. */
export async function startTaskpane(
  container: HTMLElement,
  timeoutMs = OFFICE_READY_TIMEOUT_MS,
): Promise<void> {
  const root = createRoot(container);
  const fill = { minHeight: '100vh' };
  root.render(
    <FluentProvider theme={webLightTheme} style={fill}>
      <Spinner label="正在连接 Excel…" style={{ paddingTop: '48px' }} />
    </FluentProvider>,
  );
  const renderInExcel = () =>
    root.render(
      <FluentProvider theme={isOfficeDarkTheme() ? webDarkTheme : webLightTheme} style={fill}>
        <App port={createOfficeWorkbook()} capabilityMessages={readCapabilityMessages()} />
      </FluentProvider>,
    );
  const ready = whenOfficeReady();
  const timedOut = new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs));
  const isExcel = await Promise.race([ready, timedOut]);
  if (isExcel) {
    renderInExcel();
    return;
  }
  root.render(
    <FluentProvider theme={webLightTheme} style={fill}>
      <App port={null} />
    </FluentProvider>,
  );
  // Excel on the web on a slow line can report ready after the timeout: then show the steps after
  // all, rather than leave the pane saying it is not in Excel.
  if (isExcel === null) void ready.then((late) => late && renderInExcel());
}

const container = typeof document === 'undefined' ? null : document.getElementById('root');
if (container) void startTaskpane(container);
