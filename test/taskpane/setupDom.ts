import { TextDecoder, TextEncoder } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import { configure } from '@testing-library/react';

// jsdom has no TextEncoder, which core's hashing needs at module load: import this file first.
if (typeof globalThis.TextEncoder === 'undefined') {
  Object.assign(globalThis, { TextEncoder, TextDecoder });
}
// …nor structuredClone, which the memory workbook uses.
if (typeof globalThis.structuredClone === 'undefined') {
  Object.assign(globalThis, { structuredClone: <T>(value: T): T => deserialize(serialize(value)) as T });
}

/**
 * jsdom lacks what Fluent's tooltips, positioning, dialogs and motion use; minimal stand-ins.
 * Call `installDomPolyfills()` in a `beforeAll` of every jsdom test of the pane.
 */
export function installDomPolyfills(): void {
  // Lazy step panels compile on first use under ts-jest; give findBy* room on a busy machine.
  configure({ asyncUtilTimeout: 5000 });
  if (!window.matchMedia) {
    Object.defineProperty(window, 'matchMedia', {
      configurable: true,
      writable: true,
      value: (query: string) => ({
        matches: false,
        media: query,
        onchange: null,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        addListener: () => undefined,
        removeListener: () => undefined,
        dispatchEvent: () => false,
      }),
    });
  }
  if (!('ResizeObserver' in window)) {
    class ResizeObserverStub {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    }
    Object.defineProperty(window, 'ResizeObserver', { configurable: true, writable: true, value: ResizeObserverStub });
  }
}
