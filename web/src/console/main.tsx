/** The console: customer service, sales, managers and admins, on a desktop. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerMessages } from '../shared/i18n';
import { App } from './App';
import { consoleEn } from './locales/en';
import { consoleZhCN } from './locales/zh-CN';

registerMessages(consoleEn, consoleZhCN);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
