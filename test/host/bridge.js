// The browser test host's stand-in for Electron's preload: the same window.ledger, over loopback HTTP.
(() => {
  const fromUrl = new URLSearchParams(location.search).get('t');
  if (fromUrl) sessionStorage.setItem('ledger.token', fromUrl);
  const token = sessionStorage.getItem('ledger.token') || '';
  const listeners = new Set();
  let events = null;

  function connect() {
    events = new EventSource(`/__ledger/events?t=${encodeURIComponent(token)}`);
    events.onmessage = (e) => {
      const event = JSON.parse(e.data);
      for (const l of listeners) l(event);
    };
  }

  // The host answers its own refusals as JSON too ({ ok: false, error }); anything else becomes `fallback`.
  async function answer(res, fallback) {
    try {
      return await res.json();
    } catch {
      return { ok: false, error: { code: fallback, message: `Test host answered ${res.status}` } };
    }
  }

  window.ledger = Object.freeze({
    // preload/contract.ts HostCapabilities: no printers here, PDFs only; no folder dialog: paths are typed.
    capabilities: Object.freeze({ printToPrinter: false, savePdf: true, pickFolder: false }),
    async invoke(name, input) {
      const res = await fetch('/__ledger/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-ledger-token': token },
        body: JSON.stringify({ name, input }),
      });
      return answer(res, 'E_INTERNAL');
    },
    // Saves as PDF only: the test host has no printers.
    async print(job) {
      const res = await fetch('/__ledger/print', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-ledger-token': token },
        body: JSON.stringify(job),
      });
      return answer(res, 'E_PRINT_FAILED');
    },
    async printers() {
      return [];
    },
    onPush(listener) {
      if (!events) connect();
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
})();
