import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// One build for the three Electron targets. The backend (db/process.ts) is a second entry of the
// main build because main starts it as a utilityProcess by path; main never imports it.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'main/index.ts'),
          backend: resolve(__dirname, 'db/process.ts'),
          // The backend's background integrity check runs in a worker thread started by path (db/runtime/integrity-check.ts).
          'integrity-check.worker': resolve(__dirname, 'db/runtime/integrity-check.worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'preload/index.ts') },
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      // LEDGER_RENDERER_DIR builds the renderer elsewhere (several previews side by side); the test host reads it too.
      outDir: process.env.LEDGER_RENDERER_DIR ?? resolve(__dirname, 'out/renderer'),
      minify: true,
      // One local bundle is fine for a desktop app loaded from disk; Ant Design alone is over 1 MB.
      chunkSizeWarningLimit: 4096,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
