// Lint rules: typescript-eslint recommended everywhere, plus the layering rules of docs/ARCHITECTURE.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const browserOnlyGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'location', 'fetch', 'XMLHttpRequest', 'HTMLElement', 'Blob', 'File', 'FileReader', 'Image', 'crypto', 'process', 'Buffer', 'require', '__dirname'];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-server/**', 'node_modules/**', 'public/**', 'test-results/**', 'playwright-report/**', '.data/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // No HTML built from data (docs/SECURITY.md): the server's CSP would block an injected handler, but nothing may rely on that.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: 'No HTML from strings: build DOM nodes and set textContent.' },
        { selector: "CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment|parseFromString)$/]", message: 'No HTML from strings: build DOM nodes and set textContent.' },
        { selector: "CallExpression[callee.object.name='document'][callee.property.name=/^write(ln)?$/]", message: 'No HTML from strings: build DOM nodes and set textContent.' },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No HTML from strings: let React render text.' },
        { selector: "CallExpression[callee.property.name=/^(bindTooltip|bindPopup|setContent|setTooltipContent|setPopupContent)$/][arguments.0.callee.name!='leafletText']", message: 'Leaflet parses a string as HTML: pass leafletText(text).' },
      ],
    },
  },
  {
    // The engine and the protocol are pure: shared by the PWA, the server and the CLI.
    files: ['src/engine/**/*.ts', 'src/protocol/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['react', 'react-dom', 'react/*', 'dexie', 'dexie-*', 'leaflet', 'leaflet/*', 'zustand', 'zustand/*', 'i18next', 'react-i18next'], message: 'The engine and protocol are framework-free.' },
          { group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process'], message: 'The engine and protocol run in the browser too: no Node built-ins.' },
          { group: ['**/app/**', '**/data/**', '**/sync-server/**', '**/test/**'], message: 'Dependencies point one way: engine/protocol import nothing above them.' },
        ],
      }],
      'no-restricted-globals': ['error', ...browserOnlyGlobals],
    },
  },
  {
    // The data layer has no UI.
    files: ['src/data/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['react', 'react-dom', 'react/*', '**/app/**', 'leaflet'], message: 'src/data has no UI: app → data, never data → app.' }] }],
    },
  },
);
