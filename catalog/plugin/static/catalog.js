// catalog's page behaviour. Text only moves; nothing from the catalogue is read or written here.

// A picture loaded from the site that published it may be gone or refused: show what stands for
// it instead of a broken image. Listening on the document while the page loads catches errors of
// pictures that fail before this script could reach them.
document.addEventListener(
  "error",
  function (event) {
    var img = event.target;
    if (!(img instanceof HTMLImageElement) || !img.classList.contains("catalog-remote")) return;
    var stored = img.getAttribute("data-fallback");
    if (stored && stored.indexOf("data:image/") === 0) {
      // the thumbnail catalog enrich stored, in place of the original
      img.classList.remove("catalog-remote");
      img.removeAttribute("data-fallback");
      img.src = stored;
      return;
    }
    var placeholder = img.parentNode && img.parentNode.querySelector(".catalog-placeholder");
    img.remove();
    if (placeholder) {
      placeholder.hidden = false;
      var note = document.createElement("small");
      note.textContent = "the picture did not load from its site";
      placeholder.appendChild(note);
    }
  },
  true
);

document.addEventListener("DOMContentLoaded", function () {
  // Fold the long list of column notes into a "Columns explained" toggle, so a table page opens
  // on its facets and rows.
  document.querySelectorAll("dl.column-descriptions").forEach(function (list) {
    if (list.closest("details")) return;
    var details = document.createElement("details");
    details.className = "catalog-columns";
    var summary = document.createElement("summary");
    summary.textContent = "Columns explained";
    details.appendChild(summary);
    list.parentNode.insertBefore(details, list);
    details.appendChild(list);
  });
  // One facet menu open at a time; a click elsewhere closes it.
  var facets = document.querySelectorAll("details.catalog-facet");
  facets.forEach(function (facet) {
    facet.addEventListener("toggle", function () {
      if (!facet.open) return;
      facets.forEach(function (other) {
        if (other !== facet) other.open = false;
      });
    });
  });
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("details.catalog-facet")) return;
    facets.forEach(function (facet) {
      facet.open = false;
    });
  });
});
