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

  window.ledger = Object.freeze({
    async invoke(name, input) {
      const res = await fetch('/__ledger/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-ledger-token': token },
        body: JSON.stringify({ name, input }),
      });
      if (!res.ok) return { ok: false, error: { code: 'E_INTERNAL', message: `Test host answered ${res.status}` } };
      return res.json();
    },
    // Saves as PDF only: the test host has no printers.
    async print(job) {
      const res = await fetch('/__ledger/print', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-ledger-token': token },
        body: JSON.stringify(job),
      });
      if (!res.ok) return { ok: false, error: { code: 'E_PRINT_FAILED', message: `Test host answered ${res.status}` } };
      return res.json();
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
