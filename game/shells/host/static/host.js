// Common Ground host pages: one WebSocket per device, views pushed by the host.
// The host renders every view; this file only swaps the main part in, keeps focus and open
// panels where they were, counts the deadline down, and sends what the person chose.
(function () {
  "use strict";
  var body = document.body;
  var view = document.getElementById("view");
  var link = document.getElementById("link");
  var problem = document.getElementById("problem");
  var announce = document.getElementById("announce");
  var socket = null;
  var retry = 0;
  var version = Number(body.dataset.version || 0);
  var lastAnnounce = "";
  var tick = null;

  function address() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    return scheme + location.host + body.dataset.socket + "?lang=" + encodeURIComponent(body.dataset.lang);
  }

  function showLink(text) {
    link.textContent = text;
    link.hidden = !text;
  }

  function showProblem(text) {
    problem.textContent = text;
    problem.hidden = !text;
  }

  function connect() {
    socket = new WebSocket(address());
    socket.onopen = function () { retry = 0; showLink(""); body.dataset.connected = "yes"; };
    socket.onmessage = function (event) { receive(JSON.parse(event.data)); };
    socket.onclose = function (event) {
      body.dataset.connected = "no";
      if (event.code === 4404 || event.code === 4403) { showLink(body.dataset.gone); return; }
      showLink(body.dataset.reconnecting);
      retry = Math.min(retry + 1, 5);
      setTimeout(connect, retry * 1000);
    };
  }

  function send(message) {
    if (!socket || socket.readyState !== WebSocket.OPEN) { showLink(body.dataset.reconnecting); return; }
    showProblem("");
    socket.send(JSON.stringify(message));
  }

  // ------------------------------------------------------------------ views coming in

  function openPanels() {
    var open = [];
    view.querySelectorAll("details[open]").forEach(function (d) {
      var key = d.querySelector("summary") ? d.querySelector("summary").textContent.trim().slice(0, 40) : "";
      open.push(key);
    });
    return open;
  }

  function receive(message) {
    if (message.type === "error") { showProblem(message.text); return; }
    if (message.type === "status") { receiveStatus(message); return; }
    if (message.type !== "view" || message.version < version) { return; }
    version = message.version;
    var focused = document.activeElement && document.activeElement.id;
    var open = openPanels();
    var keepScroll = window.scrollY;
    view.innerHTML = message.html;
    view.querySelectorAll("details").forEach(function (d) {
      var summary = d.querySelector("summary");
      if (summary && open.indexOf(summary.textContent.trim().slice(0, 40)) >= 0) { d.open = true; }
    });
    if (focused) {
      var again = document.getElementById(focused);
      if (again) { again.focus({ preventScroll: true }); }
    }
    window.scrollTo(0, keepScroll);
    say(message.announce);
    updateBudget();
    startCountdown();
  }

  function say(text) {
    if (text && text !== lastAnnounce) {
      lastAnnounce = text;
      announce.textContent = text;
    }
  }

  function receiveStatus(message) {
    // Only who has decided changed: swap that part alone (focus and drafts stay as they are).
    var teams = view.querySelector("section.teams");
    if (teams) {
      var holder = document.createElement("div");
      holder.innerHTML = message.html;
      if (holder.firstElementChild) { teams.replaceWith(holder.firstElementChild); }
    }
    say(message.announce);
  }

  // ------------------------------------------------------------------ the deadline

  function startCountdown() {
    if (tick) { clearInterval(tick); tick = null; }
    var shown = view.querySelector(".countdown");
    if (!shown || shown.dataset.paused === "yes") { return; }
    var left = Number(shown.dataset.seconds);
    var started = Date.now();
    tick = setInterval(function () {
      var now = Math.max(0, left - Math.floor((Date.now() - started) / 1000));
      var m = Math.floor(now / 60), s = now % 60;
      shown.textContent = now > 0 ? m + ":" + (s < 10 ? "0" : "") + s : shown.dataset.up;
      shown.classList.toggle("low", now <= 60);
      if (now <= 0) { clearInterval(tick); tick = null; }
    }, 1000);
  }

  // ------------------------------------------------------------------ orders and answers

  function chosenOrders(form) {
    var ids = [];
    form.querySelectorAll("input[name=order]:checked").forEach(function (box) { ids.push(box.value); });
    return ids;
  }

  function updateBudget() {
    var form = document.getElementById("orders");
    var line = document.getElementById("budget");
    if (!form || !line) { return; }
    var ap = 0, capital = 0;
    form.querySelectorAll("input[name=order]:checked").forEach(function (box) {
      ap += Number(box.dataset.ap); capital += Number(box.dataset.capital);
    });
    var over = ap > Number(form.dataset.ap) || capital > Number(form.dataset.capital);
    line.textContent = form.dataset.budget
      .replace("{ap}", ap).replace("{ap_max}", form.dataset.ap)
      .replace("{capital}", capital).replace("{capital_max}", form.dataset.capital)
      + (over ? " " + form.dataset.over : "");
    line.classList.toggle("over", over);
  }

  function chosenAnswers(form) {
    var answers = {};
    form.querySelectorAll("input[type=radio]:checked").forEach(function (radio) {
      answers[radio.dataset.term] = radio.value === "accept";
    });
    return answers;
  }

  function fields(form) {
    var out = { type: form.dataset.type };
    form.querySelectorAll("[name]").forEach(function (field) {
      out[field.name] = field.dataset.kind === "int" ? Number(field.value) : field.value;
    });
    if (out.type === "adjust") {
      var changes = {};
      changes[out.track] = out.delta;
      return { type: "adjust", changes: changes, reason: out.reason };
    }
    return out;
  }

  view.addEventListener("change", function (event) {
    var target = event.target;
    if (target.name === "order") {
      updateBudget();
      send({ type: "draft", orders: chosenOrders(target.form) });
    } else if (target.type === "radio" && target.dataset.term) {
      send({ type: "draft_answers", answers: chosenAnswers(target.form) });
    }
  });

  view.addEventListener("submit", function (event) {
    var form = event.target;
    event.preventDefault();
    if (form.dataset.type === "orders") {
      send({ type: "submit", orders: chosenOrders(form) });
    } else if (form.dataset.type === "answers") {
      send({ type: "answers", answers: chosenAnswers(form) });
    } else if (form.dataset.type) {
      send(fields(form));
    }
  });

  view.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-send]");
    if (!button) { return; }
    if (button.dataset.confirm && !window.confirm(button.dataset.confirm)) { return; }
    send(JSON.parse(button.dataset.send));
  });

  updateBudget();
  startCountdown();
  connect();
})();
