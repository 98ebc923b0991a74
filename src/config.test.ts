import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  // The protocol checks run after the URL check has refused the value: they must not throw on it.
  it.each(['SMTP_URL', 'SMS_GATEWAY_URL', 'CHAT_GATEWAY_URL'])('names %s when it is not a URL at all', (name) => {
    expect(() => loadConfig({ [name]: 'not a url' })).toThrow(new RegExp(`Invalid configuration:[\\s\\S]*${name}`));
  });

  it('names a URL of the wrong kind', () => {
    expect(() => loadConfig({ SMTP_URL: 'https://mail.example.com' })).toThrow(/SMTP_URL: an smtp:\/\//);
    expect(() => loadConfig({ SMS_GATEWAY_URL: 'ftp://sms.example.com' })).toThrow(/SMS_GATEWAY_URL: an http:\/\//);
  });

  it('takes a SECRET_KEY of 32 characters or more, and never repeats a refused one', () => {
    expect(loadConfig({}).secretKey).toBeUndefined();
    expect(loadConfig({ SECRET_KEY: 'k'.repeat(32) }).secretKey).toBe('k'.repeat(32));
    expect(() => loadConfig({ SECRET_KEY: 'too-short-secret' })).toThrow(/SECRET_KEY: at least 32 characters/);
    expect(() => loadConfig({ SECRET_KEY: 'too-short-secret' })).not.toThrow(/too-short-secret/);
  });
});
