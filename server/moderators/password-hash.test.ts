import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, passwordProblem, verifyPassword } from './password-hash.ts';

describe('moderator password hashing', () => {
  it('verifies the password a hash was made from and refuses any other', async () => {
    const hash = await hashPassword('kata sandi yang panjang');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]{43}$/);
    expect(await verifyPassword('kata sandi yang panjang', hash)).toBe(true);
    expect(await verifyPassword('kata sandi yang panjanG', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts every hash, so two accounts with one password do not share a hash', async () => {
    expect(await hashPassword('sama-sama-rahasia')).not.toBe(await hashPassword('sama-sama-rahasia'));
  });

  it('treats a malformed or foreign hash as no match instead of throwing', async () => {
    for (const bad of ['', 'plain', 'bcrypt$2b$10$abc', 'scrypt$x$8$1$c2FsdA$a2V5', 'scrypt$32768$8$1$$']) {
      expect(await verifyPassword('anything-at-all', bad)).toBe(false);
    }
  });

  it('reads the cost from the hash, so a raised cost does not lock out older accounts', async () => {
    // A hash made at a lower cost (2^14), as an older release might have written it.
    const salt = Buffer.from('0123456789abcdef');
    const key = scryptSync('rahasia-lama-sekali', salt, 32, { N: 2 ** 14, r: 8, p: 1 });
    const older = ['scrypt', 2 ** 14, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
    expect(await verifyPassword('rahasia-lama-sekali', older)).toBe(true);
    expect(await verifyPassword('rahasia-baru-sekali', older)).toBe(false);
  });

  it('generates passwords of 24 url-safe characters that pass its own rules', () => {
    const password = generatePassword();
    expect(password).toMatch(/^[\w-]{24}$/);
    expect(passwordProblem(password)).toBeNull();
    expect(generatePassword()).not.toBe(password);
  });

  it.each([
    ['short', 'The password must be at least 12 characters.'],
    [' spaced-around-it ', 'The password must not begin or end with spaces.'],
  ])('refuses a chosen password that is %s', (password, problem) => {
    expect(passwordProblem(password)).toBe(problem);
  });
});
