// The screens of a talk, in the page (a Streamlit v2 component, no iframe), mounted once a
// page by pages/ui/screens.py:
// - fits each slide's 1280x720 stage to its box: the projector's window (letterboxed), or
//   the width of its column (Present, the presenter's view);
// - links the tabs of one browser (a BroadcastChannel: nothing leaves the machine): the
//   Present page and the presenter's view say which view and slide they show; a projector
//   without a live room follows them; a projector's keys (a clicker's Next) ask them to move;
// - the projector's full screen (F, or the button); the presenter's timer.
//
// data: {mode: "page" | "presenter" | "projector" | "follower", query: the view's link (no
//        secret ever), timer: show the timer, words: {fullscreen, start, pause, reset, timer}}
// triggers: "view" (a projector: the query another tab sent), "step" (a presenter's tab: +1 or -1)

const CHANNEL = "cause-atlas-slides";
const WIDTH = 1280;
const HEIGHT = 720;
const STAGES = '[class*="st-key-castage-"]';

function fit() {
  const mode = window.__caScreens ? window.__caScreens.data.mode : "page";
  const projector = mode === "projector" || mode === "follower";
  for (const stage of document.querySelectorAll(STAGES)) {
    let zoom;
    if (projector) {
      zoom = Math.min(window.innerWidth / WIDTH, window.innerHeight / HEIGHT);
    } else {
      const box = stage.parentElement;
      const width = box ? box.getBoundingClientRect().width : WIDTH;
      zoom = Math.min(width / WIDTH, 2);
    }
    zoom = Math.max(zoom, 0.1);
    if (Math.abs((parseFloat(stage.style.zoom) || 1) - zoom) > 0.001) stage.style.zoom = String(zoom);
  }
}

function watchStages() {
  if (window.__caFitWatcher) return;
  let queued = false;
  const later = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      fit();
    });
  };
  window.__caFitWatcher = new MutationObserver(later);
  window.__caFitWatcher.observe(document.body, { childList: true, subtree: true });
  window.addEventListener("resize", later);
  if (window.ResizeObserver) {
    const main = document.querySelector('[data-testid="stMain"]') || document.body;
    new ResizeObserver(later).observe(main);
  }
}

function channel() {
  if (!window.__caChannel && window.BroadcastChannel) {
    window.__caChannel = new BroadcastChannel(CHANNEL);
    window.__caChannel.onmessage = (event) => {
      const me = window.__caScreens;
      const msg = event.data || {};
      if (!me) return;
      const mode = me.data.mode;
      if (mode === "projector" && msg.type === "view" && typeof msg.query === "string") {
        if (msg.query !== me.data.query && msg.query !== me.asked) {
          me.asked = msg.query;
          me.trigger("view", msg.query);
        }
      } else if (mode === "page" || mode === "presenter") {
        if (msg.type === "hello" && me.drives !== false) say(true);
        else if (msg.type === "view") me.drives = false; // another presenter's tab moved since this one
        else if (msg.type === "step" && (msg.by === 1 || msg.by === -1) && me.drives !== false) {
          me.trigger("step", { by: msg.by, at: Date.now() });
        }
      }
    };
  }
  return window.__caChannel;
}

// A presenter's tab says what it shows (and again when a projector asks).
function say(always) {
  const me = window.__caScreens;
  const ch = channel();
  if (!me || !ch || (me.data.mode !== "page" && me.data.mode !== "presenter")) return;
  if (always || me.said !== me.data.query) {
    if (me.said !== undefined && me.said !== me.data.query) me.drives = true; // this tab moved: it drives
    me.said = me.data.query;
    ch.postMessage({ type: "view", query: me.data.query });
  }
}

function fullscreen() {
  if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
  else document.documentElement.requestFullscreen().catch(() => {});
}

function projectorKeys() {
  if (window.__caKeys) return;
  window.__caKeys = true;
  window.addEventListener("keydown", (event) => {
    const me = window.__caScreens;
    if (!me || (me.data.mode !== "projector" && me.data.mode !== "follower")) return;
    if (event.target && /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName)) return;
    const key = event.key;
    if (key === "f" || key === "F") {
      event.preventDefault();
      fullscreen();
      return;
    }
    const next = ["ArrowRight", "ArrowDown", "PageDown", " "].includes(key);
    const back = ["ArrowLeft", "ArrowUp", "PageUp"].includes(key);
    if ((next || back) && channel()) {
      event.preventDefault();
      channel().postMessage({ type: "step", by: next ? 1 : -1 });
    }
  });
}

function fullscreenButton(words) {
  let button = document.getElementById("ca-fullscreen");
  if (!button) {
    button = document.createElement("button");
    button.id = "ca-fullscreen";
    button.type = "button";
    button.addEventListener("click", fullscreen);
    document.body.appendChild(button);
    const show = () => {
      button.classList.remove("ca-idle");
      clearTimeout(button.__caTimer);
      button.__caTimer = setTimeout(() => button.classList.add("ca-idle"), 3000);
    };
    window.addEventListener("mousemove", show);
    document.addEventListener("fullscreenchange", () => {
      button.hidden = Boolean(document.fullscreenElement);
    });
    show();
  }
  button.textContent = words.fullscreen;
  button.setAttribute("aria-label", words.fullscreen);
}

function pad(n) {
  return String(n).padStart(2, "0");
}

// The presenter's timer: kept in this tab's sessionStorage, so a rerun or a page change
// within the tab does not reset it; counted in the browser (no round trip a second).
function timer(parent, words) {
  let box = parent.querySelector(":scope > .ca-timer");
  if (!box) {
    box = document.createElement("div");
    box.className = "ca-timer";
    box.setAttribute("role", "group");
    const time = document.createElement("span");
    time.className = "ca-timer-time";
    time.setAttribute("role", "timer");
    const toggle = document.createElement("button");
    toggle.type = "button";
    toggle.className = "ca-timer-toggle";
    const reset = document.createElement("button");
    reset.type = "button";
    reset.className = "ca-timer-reset";
    box.append(time, toggle, reset);
    parent.appendChild(box);
    const read = () => JSON.parse(sessionStorage.getItem("ca-timer") || '{"since":null,"spent":0}');
    const write = (t) => sessionStorage.setItem("ca-timer", JSON.stringify(t));
    const show = () => {
      const t = read();
      const ms = t.spent + (t.since ? Date.now() - t.since : 0);
      const s = Math.floor(ms / 1000);
      const h = Math.floor(s / 3600);
      time.textContent = (h ? h + ":" : "") + pad(Math.floor((s % 3600) / 60)) + ":" + pad(s % 60);
      toggle.textContent = t.since ? box.__words.pause : box.__words.start;
      toggle.setAttribute("aria-pressed", t.since ? "true" : "false");
    };
    toggle.addEventListener("click", () => {
      const t = read();
      if (t.since) write({ since: null, spent: t.spent + Date.now() - t.since });
      else write({ since: Date.now(), spent: t.spent });
      show();
    });
    reset.addEventListener("click", () => {
      const t = read();
      write({ since: t.since ? Date.now() : null, spent: 0 });
      show();
    });
    box.__show = show;
    box.__interval = setInterval(show, 1000);
  }
  box.__words = words;
  box.setAttribute("aria-label", words.timer);
  box.querySelector(".ca-timer-reset").textContent = words.reset;
  box.__show();
  return box;
}

export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  window.__caScreens = Object.assign(window.__caScreens || {}, { data, trigger: setTriggerValue });
  watchStages();
  fit();
  channel();
  const mode = data.mode;
  if (mode === "projector" || mode === "follower") {
    projectorKeys();
    fullscreenButton(data.words);
    if (mode === "projector" && !window.__caHello && channel()) {
      window.__caHello = true;
      channel().postMessage({ type: "hello" });
    }
  } else {
    say(false);
  }
  const box = data.timer ? timer(parentElement, data.words) : null;
  return () => {
    if (box) {
      clearInterval(box.__interval);
      box.remove();
    }
  };
}
