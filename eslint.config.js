// @ts-check
// Lint configuration. Formatting is prettier's job (`prettier --check .` in `npm run lint`), so no rule here is about layout.
// Why each choice: docs/decisions/0010-lint-and-format.md.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['dist/', 'data/', 'coverage/', 'node_modules/', '.vite/', 'bench/results/']),

  // This file (and any other plain JS) is not in a tsconfig, so it gets the untyped JS rules only.
  { files: ['**/*.js'], extends: [js.configs.recommended] },

  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        // Each file is checked against the tsconfig that owns it (moderation/ has its own), as the editor does.
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // The rules this lint exists for. The first three are in recommendedTypeChecked already, repeated so that
      // a change of preset cannot drop them silently.
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // verbatimModuleSyntax already refuses a type imported as a value; this adds the reverse (a value
      // import used only as a type) and keeps `import type` the one spelling the autofix writes.
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'separate-type-imports' }],
      // `import { type A }` keeps an empty side-effect import under verbatimModuleSyntax; `import type { A }` does not.
      '@typescript-eslint/no-import-type-side-effects': 'error',

      // Closed sets are `as const` objects plus a union: a switch over one must name every member, so a new
      // member (a rule id, an error code) is a lint error where it is not handled. A `default:` does not
      // count as handling, which is the point.
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: false, allowDefaultCaseForExhaustiveSwitch: true, requireDefaultForNonUnion: false },
      ],
      // No `any`: use `unknown` and parse (DESIGN.md, Conventions).
      '@typescript-eslint/no-explicit-any': 'error',
      // `@ts-expect-error` with a reason, never `@ts-ignore` or `@ts-nocheck`.
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-expect-error': 'allow-with-description', 'ts-ignore': true, 'ts-nocheck': true, 'ts-check': false, minimumDescriptionLength: 10 },
      ],
      // A `!` is an assertion the compiler cannot check; source narrows instead (tests relax this below).
      '@typescript-eslint/no-non-null-assertion': 'error',
      eqeqeq: ['error', 'always'],
      // `{ ... } as Thread` skips the missing-property check that `const t: Thread = { ... }` does.
      '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'as', objectLiteralTypeAssertions: 'never' }],
      // A `.catch((e) => ...)` parameter is `any` unless written `unknown`; same rule as for `catch (e)`.
      '@typescript-eslint/use-unknown-in-catch-callback-variable': 'error',
      // `return promise` inside try skips the catch and finally when it rejects; await it there.
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      // A library's @deprecated is a removal announced; better found by the linter than by the upgrade.
      '@typescript-eslint/no-deprecated': 'error',
      // A leading underscore marks a parameter that an interface or callback signature requires but this body does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },

  {
    // Tests state facts about values they built a line earlier; narrowing each one first would bury the
    // assertion. A wrong `!` in a test fails the test, it does not ship.
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      // `expect(store.method)` and `vi.spyOn(obj, 'm')` pass methods around on purpose.
      '@typescript-eslint/unbound-method': 'off',
      // Vitest's asymmetric matchers (expect.stringMatching, expect.any) are typed `any`.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
);
