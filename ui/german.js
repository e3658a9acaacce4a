// Streamlit's frontend speaks English in a few places a person reads or a screen reader announces:
// the skip link, the sidebar's landmark, help buttons, the file uploader, table toolbars. Streamlit
// offers no setting for them, so this script translates exactly these strings (whole texts and the
// attributes aria-label, title, placeholder) whenever Streamlit draws them, and declares the page
// German (lang="de" on the root element) so screen readers read it with a German voice. The router inserts it on
// every page; the flag keeps one observer per browser tab.
(() => {
  if (window.bildungsmonitorGerman) return;
  window.bildungsmonitorGerman = true;
  const exact = new Map([
    ["Skip to main content", "Zum Inhalt springen"],
    ["Sidebar", "Seitenleiste"],
    ["App pages", "Seiten"],
    ["Help", "Hilfe"],
    ["Open", "Öffnen"],
    ["Close", "Schließen"],
    ["Link to heading", "Link zu dieser Überschrift"],
    ["Show/hide columns", "Spalten ein- und ausblenden"],
    ["Download as CSV", "Als CSV herunterladen"],
    ["Search", "Suchen"],
    ["Fullscreen", "Vollbild"],
    ["Close fullscreen", "Vollbild beenden"],
    ["Exit fullscreen", "Vollbild beenden"],
    ["Clear all", "Alle entfernen"],
    ["Clear value", "Auswahl entfernen"],
    ["Collapse sidebar", "Seitenleiste einklappen"],
    ["Expand sidebar", "Seitenleiste ausklappen"],
    ["Selectbox options", "Auswahlmöglichkeiten"],
    ["Choose an option", "Bitte wählen"],
    ["Choose options", "Bitte wählen"],
    ["No results", "Keine Treffer"],
    ["Drag and drop files here", "Dateien hierher ziehen und ablegen"],
    ["Drag and drop a file here", "Datei hierher ziehen und ablegen"],
    ["Browse files", "Dateien auswählen"],
    ["Upload", "Hochladen"],
    ["Remove file", "Datei entfernen"],
    ["Delete", "Löschen"],
    ["delete icon", "entfernen"],
    ["Running...", "Läuft …"],
    ["Stop", "Anhalten"],
  ]);
  const patterns = [
    [/^Help for (.+)$/, "Hilfe zu $1"],
    [/^(\d+)\s?([KMG]B) per file$/, "höchstens $1 $2 je Datei"],
    [/^ • (.+)$/, " · $1"],
  ];
  const german = (text) => {
    const trimmed = text.trim();
    if (exact.has(trimmed)) return text.replace(trimmed, exact.get(trimmed));
    for (const [pattern, replacement] of patterns) {
      if (pattern.test(text)) return text.replace(pattern, replacement);
    }
    return null;
  };
  const ATTRIBUTES = ["aria-label", "title", "placeholder"];
  const translate = (root) => {
    if (document.documentElement.lang !== "de") document.documentElement.lang = "de";
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const done = german(node.nodeValue);
      if (done !== null && done !== node.nodeValue) node.nodeValue = done;
    }
    const elements = root.querySelectorAll ? root.querySelectorAll("[aria-label], [title], [placeholder]") : [];
    for (const element of [root, ...elements]) {
      if (!element.getAttribute) continue;
      for (const attribute of ATTRIBUTES) {
        const value = element.getAttribute(attribute);
        const done = value === null ? null : german(value);
        if (done !== null && done !== value) element.setAttribute(attribute, done);
      }
    }
  };
  translate(document.body);
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === "characterData") translate(record.target.parentNode || document.body);
      else if (record.type === "attributes") translate(record.target);
      else record.addedNodes.forEach((node) => translate(node.nodeType === 1 ? node : node.parentNode || document.body));
    }
  }).observe(document.body, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ATTRIBUTES,
  });
})();
