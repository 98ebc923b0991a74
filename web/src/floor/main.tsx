/** The handheld: warehouse operators on a PDA or phone, or a desk with a USB scanner. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './floor.css';
import { registerMessages } from '../shared/i18n';
import { FloorApp } from './FloorApp';
import { floorEn } from './locales/en';
import { floorZhCN } from './locales/zh-CN';
import { returnsEn } from './locales/returns.en';
import { returnsZhCN } from './locales/returns.zh-CN';
import { storageEn } from './locales/storage.en';
import { storageZhCN } from './locales/storage.zh-CN';

registerMessages(floorEn, floorZhCN);
registerMessages(storageEn, storageZhCN);
registerMessages(returnsEn, returnsZhCN);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <FloorApp />
  </StrictMode>,
);
