// Search across the series: every word of the query must appear in a section's title or text.
// The index (search-index.js) is built with the site; nothing is fetched from elsewhere.
(function () {
  const query = new URLSearchParams(window.location.search).get("q") || "";
  const box = document.getElementById("search-query");
  const list = document.getElementById("search-results");
  const summary = document.getElementById("search-summary");
  if (box) box.value = query;
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!list || !summary) return;
  if (!words.length) { summary.textContent = "Type one or more words above and press Search."; return; }
  const hits = window.SEARCH_INDEX.filter(function (entry) {
    const text = (entry.page + " " + entry.section + " " + entry.text).toLowerCase();
    return words.every(function (word) { return text.includes(word); });
  });
  summary.textContent = hits.length + (hits.length === 1 ? " section matches " : " sections match ") + "\u201c" + query + "\u201d.";
  hits.slice(0, 100).forEach(function (entry) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = entry.href;
    link.textContent = entry.page + ": " + entry.section;
    const snippet = document.createElement("p");
    const at = entry.text.toLowerCase().indexOf(words[0]);
    const start = Math.max(0, at - 80);
    snippet.textContent = (start > 0 ? "\u2026" : "") + entry.text.slice(start, start + 220) + "\u2026";
    item.appendChild(link);
    item.appendChild(snippet);
    list.appendChild(item);
  });
})();
