// Fold the long list of column notes into a "Columns explained" toggle, so a table page opens
// on its facets and rows. Text only moves; nothing from the catalogue is read or written here.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("dl.column-descriptions").forEach(function (list) {
    var details = document.createElement("details");
    details.className = "catalog-columns";
    var summary = document.createElement("summary");
    summary.textContent = "Columns explained";
    details.appendChild(summary);
    list.parentNode.insertBefore(details, list);
    details.appendChild(list);
  });
});
