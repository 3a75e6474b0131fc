import { describe, expect, it } from 'vitest';
import { validateWebhookUrl } from './webhook-url';

const production = { requireHttps: true, allowPrivateHosts: false };
const development = { requireHttps: false, allowPrivateHosts: true };

describe('webhook endpoint URLs', () => {
  it('accepts absolute https URLs and normalizes them', () => {
    expect(validateWebhookUrl(' https://Hooks.Example.com/candor?x=1 ', production)).toEqual({
      ok: true,
      url: 'https://hooks.example.com/candor?x=1',
    });
  });

  it('says precisely what is wrong', () => {
    const reason = (url: string, rules = production) => {
      const result = validateWebhookUrl(url, rules);
      return result.ok ? null : result.reason;
    };
    expect(reason('/relative/path')).toMatch(/must be an absolute URL/);
    expect(reason('ftp://files.example.com/')).toBe('must use https, not ftp');
    expect(reason('ftp://files.example.com/', development)).toBe('must use http or https, not ftp');
    expect(reason('http://hooks.example.com/')).toBe('must use https');
    expect(reason('https://user:pw@hooks.example.com/')).toMatch(/user name or password/);
    expect(reason(`https://hooks.example.com/${'a'.repeat(2100)}`)).toMatch(/at most 2048/);
  });

  it('refuses localhost and private addresses unless they are allowed', () => {
    const refused = [
      'https://localhost/x',
      'https://api.localhost/x',
      'https://127.0.0.1/x',
      'https://2130706433/x',
      'https://10.1.2.3/x',
      'https://172.20.0.1/x',
      'https://192.168.1.1/x',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/x',
      'https://[fd00::1]/x',
      'https://[::ffff:127.0.0.1]/x',
    ];
    for (const url of refused) {
      expect(validateWebhookUrl(url, production), url).toMatchObject({ ok: false });
      expect(validateWebhookUrl(url, development), url).toMatchObject({ ok: true });
    }
    expect(validateWebhookUrl('https://172.32.0.1/x', production).ok).toBe(true);
    expect(validateWebhookUrl('http://127.0.0.1:8080/hook', development).ok).toBe(true);
  });
});
