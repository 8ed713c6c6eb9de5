import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles.css';
import { Root } from './App';
import { PrintRoot } from './features/printing/PrintRoot';
import { isPrintRoute } from './features/printing/request';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
// A host printing loads the print route: the printout alone, without the app around it.
createRoot(container).render(
  isPrintRoute(location.hash) ? (
    <PrintRoot />
  ) : (
    <StrictMode>
      <Root />
    </StrictMode>
  ),
);
