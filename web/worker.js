// Diagnoses large pastes off the page's main thread with the same wasm the page uses
// (crates/ndr-web/src/offload.rs). Input and output stay inside this browser.
import init, { diagnose_bytes } from "./ndr-web.js";

const ready = init({ module_or_path: new URL("./ndr-web_bg.wasm", import.meta.url) });

self.onmessage = async (event) => {
  const { run, bytes } = event.data;
  let json = "";
  try {
    await ready;
    json = diagnose_bytes(bytes);
  } catch (error) {
    json = "";
  }
  self.postMessage({ run, json });
};
