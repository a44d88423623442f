import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { StandalonePage } from './StandalonePage';

const container = typeof document === 'undefined' ? null : document.getElementById('root');
if (container) {
  createRoot(container).render(
    <FluentProvider theme={webLightTheme} style={{ minHeight: '100vh' }}>
      <StandalonePage />
    </FluentProvider>,
  );
}
