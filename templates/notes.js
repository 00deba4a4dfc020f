// Notes as pop-ups: a click on a note call shows the note beside it; without JavaScript the call
// simply jumps to the note at the end, and its number leads back.
(function () {
  var open = null;
  function close() { if (open) { open.remove(); open = null; } }
  document.addEventListener("click", function (event) {
    var call = event.target.closest("a.noteref");
    if (!call) { if (open && !open.contains(event.target)) close(); return; }
    var note = document.getElementById(call.getAttribute("href").slice(1));
    if (!note) return;
    event.preventDefault();
    close();
    open = document.createElement("div");
    open.className = "note-popup";
    open.setAttribute("role", "note");
    open.innerHTML = note.innerHTML;
    var back = open.querySelector(".backlink");
    if (back) back.removeAttribute("href");
    var button = document.createElement("button");
    button.type = "button";
    button.setAttribute("aria-label", document.documentElement.dataset.closeLabel || "Close");
    button.textContent = "×";
    button.addEventListener("click", close);
    open.appendChild(button);
    document.body.appendChild(open);
    var box = call.getBoundingClientRect();
    var left = Math.max(8, Math.min(window.scrollX + box.left - 20, window.scrollX + document.documentElement.clientWidth - open.offsetWidth - 8));
    open.style.left = left + "px";
    // below the call; above it when there is no room below and there is above (a call low on a phone's screen)
    var below = box.bottom + 6 + open.offsetHeight <= window.innerHeight || box.top - 6 - open.offsetHeight < 0;
    open.style.top = (window.scrollY + (below ? box.bottom + 6 : box.top - 6 - open.offsetHeight)) + "px";
    button.focus({ preventScroll: true });
    if (below && box.bottom + 6 + open.offsetHeight > window.innerHeight) open.scrollIntoView({ block: "nearest" });
  });
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") close(); });
})();
