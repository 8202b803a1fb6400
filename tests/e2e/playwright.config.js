// One release build (dist/, made by ./dev.sh test) serves every browser test; serve.spec.js
// (project `serve`) also runs `./dev.sh serve`, whose Trunk reuses that build's Cargo output.
import { defineConfig } from '@playwright/test';

// LEERSPOOR_DIST and E2E_PORT let several work trees test their own builds side by side.
const port = Number(process.env.E2E_PORT ?? 4173);
const dist = process.env.LEERSPOOR_DIST ?? '../../dist';

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'nl-NL',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      // Debian's chromium as root in a closed network: these flags keep it from
      // sandbox failures and from reaching out to Google's services.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'app', testIgnore: /serve\.spec\.js/ },
    // The page as `./dev.sh serve` gives it: Trunk's own pipeline runs once more
    // (wasm-bindgen, wasm-opt and the hooks; Cargo has nothing left to compile after the
    // release build), so `./dev.sh test` runs this after the others, not beside them.
    { name: 'serve', testMatch: /serve\.spec\.js/ },
  ],
  webServer: {
    command: `node serve.mjs ${dist} ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});
