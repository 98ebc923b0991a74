/** The handheld: warehouse operators on a PDA or phone, or a desk with a USB scanner. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './floor.css';
import { registerMessages } from '../shared/i18n';
import { FloorApp } from './FloorApp';
import { floorEn } from './locales/en';
import { floorZhCN } from './locales/zh-CN';

registerMessages(floorEn, floorZhCN);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <FloorApp />
  </StrictMode>,
);
