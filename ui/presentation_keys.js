// Keys and presenter clickers page the Präsentationsmodus by pressing its own Streamlit buttons, so a
// key does exactly what a click does: the page reruns, shows the slide and writes it into the URL.
// Clickers send PageDown/PageUp (some the arrow keys). Streamlit inserts this script again on every
// rerun; the flag keeps it to one listener per browser tab, and on other pages it finds no buttons.
(() => {
  if (window.bildungsmonitorKeys) return;
  window.bildungsmonitorKeys = true;
  const buttons = {
    ArrowRight: "weiter",
    PageDown: "weiter",
    " ": "weiter",
    ArrowLeft: "zurueck",
    PageUp: "zurueck",
    Home: "anfang",
    End: "ende",
  };
  document.addEventListener("keydown", (event) => {
    const key = buttons[event.key];
    if (!key || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.target.closest && event.target.closest("input, textarea, select, [contenteditable]")) return;
    const button = document.querySelector(`.st-key-${key} button`);
    if (!button) return;
    event.preventDefault();
    // A button clicked with the mouse keeps the focus, and Space would press it a second time.
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    if (!button.disabled) button.click();
  });
})();
