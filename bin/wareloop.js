#!/usr/bin/env node
// Runs src/main.ts in this very process, with tsx's loader registered first: signals reach the
// command directly and its exit code is ours, with no child process to relay them to.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
