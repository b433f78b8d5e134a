"""What every page shows around its own content: education-not-diagnosis and the warning
signs one click away at the top, every general warning sign at the foot, and whom to call
where the person is."""

from __future__ import annotations

import contextlib
import sys

import streamlit as st

from causes import i18n
from causes.check import flags_markdown, general_advice, when_to_get_help
from causes.config import MAX_UPLOAD_MB, locale_setting
from causes.export import disclaimer, not_diagnosis
from causes.redflags import RedFlag
from causes.style import Help, help_for
from causes.text import md_escape, md_link
from pages.ui import state
from pages.ui.source import sidecars

EXPLORE = "pages/explore.py"
VISIT = "pages/visit.py"
PRESENT = "pages/present.py"
PROJECTOR = "pages/projector.py"
PRESENTER = "pages/presenter.py"


def visit_link(boxed: bool = True) -> None:
    """From any view: the way to a summary to take to an appointment, a 44 px target
    (`styles.NARROW`), in a box of its own unless it goes into Explore's row of downloads
    (one element fewer)."""
    with st.container(key="visit-link") if boxed else contextlib.nullcontext():
        st.page_link(
            VISIT,
            label=i18n._("Prepare for an appointment"),
            icon=":material/assignment:",
            help=i18n._(
                "A one-page summary of what you noticed, the causes to ask about and questions for your doctor."
            ),
        )


def help_here() -> Help:
    """Whom to call: the deployment's locale if it fixes one, else this browser's."""
    return help_for(locale_setting(sys.argv[1:]) or st.context.locale)


def flag_list(flags: tuple[RedFlag, ...]) -> None:
    """The warning signs grouped by level, most serious first, each group under the action
    it needs, as one markdown element (and the sources)."""
    if not flags:
        st.markdown(f"- {general_advice()}")
        return
    st.markdown(flags_markdown(flags, help_here(), md_escape))
    sources = {f.source_name: f.source_url for f in flags if f.source_url}
    if sources:
        # Not st.caption: it fades its links to 2.98:1 (axe's colour-contrast rule).
        st.markdown(":small[" + i18n._("Sources:") + " " + ", ".join(md_link(u, n) for n, u in sources.items()) + "]")


def safety_strip() -> None:
    """At the top of every page: education, not diagnosis, the warning signs one click
    away, and the other language one tap away."""
    with st.container(border=True, horizontal=True, vertical_alignment="center", key="safety"):
        st.markdown(f":material/school: **{not_diagnosis()}** {disclaimer()}", width="stretch")
        with st.container(horizontal=True, gap="small", key="safety-actions"):  # side by side, also on a phone
            with st.popover(when_to_get_help(), icon=":material/e911_emergency:", type="primary"):
                flag_list(sidecars()[0])
            language_switch()


def language_switch() -> None:
    """One tap to the other language: a button named in that language ("Español",
    "English"), which carries what the person chose across (`state.switch_language`)."""
    for code, name in i18n.LANGUAGES.items():
        if code != i18n.language():
            with i18n.using(code):
                hint = i18n._("Show Cause Atlas in this language")
            st.button(
                name,
                icon=":material/translate:",
                on_click=state.switch_language,
                args=(code,),
                help=hint,
                key=f"lang-{code}",
            )


# The page's `<html lang>`: a screen reader reads Spanish with a Spanish voice (WCAG 3.1.1).
# And the few words Streamlit writes itself, which no catalog reaches (the upload button and
# its limits, the top bar's "2 more"): in another language, the script writes the catalog's
# words into those elements, and again whenever Streamlit draws them anew (a watcher on the
# page), so a screen reader reads them too. Plus the page-wide stylesheet of the strip.
# A component in the page (v2: no iframe), drawn last, with no box of its own.
_PAGE_LANGUAGE = st.components.v2.component(
    "cause_atlas.page_language",
    js="""export default function ({ data }) {
  document.documentElement.lang = data.lang;
  let style = document.getElementById("ca-language");
  if (!style) {
    style = document.createElement("style");
    style.id = "ca-language";
    document.head.appendChild(style);
  }
  if (style.textContent !== data.css) style.textContent = data.css;
  window.__caWords = data.words;
  const apply = () => {
    for (const [where, text] of window.__caWords || []) {
      for (const el of document.querySelectorAll(where)) if (el.textContent !== text) el.textContent = text;
    }
  };
  apply();
  if (!window.__caWatcher) {
    let queued = false;
    window.__caWatcher = new MutationObserver(() => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => { queued = false; apply(); });
    });
    window.__caWatcher.observe(document.body, { childList: true, subtree: true, characterData: true });
  }
}""",
)
# Where Streamlit writes its own words.
_STREAMLIT_WORDS = (
    '[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p',
    '[data-testid="stFileUploaderDropzoneInstructions"] span',
    '.rc-overflow-item-rest [data-testid="stTopNavSection"] p',
)
# The strip's two buttons side by side on a 390 px phone ("Cuándo pedir ayuda" and
# "English" need all but a few pixels of the row: a smaller gap than Streamlit's smallest).
STRIP_CSS = ".st-key-safety-actions { gap: 0.5rem; }"


def streamlit_words() -> list[tuple[str, str]]:
    """Where Streamlit writes its own words, and this run's in their place (in English too:
    a tab switched back from Spanish gets its English again)."""
    words = (
        # Translators: the button that opens a file to upload.
        i18n.pgettext("a file", "Upload"),
        # Translators: under the upload button: the largest file, and the kinds of file taken.
        i18n._("{mb} MB per file • CSV, TSV, TXT").format(mb=MAX_UPLOAD_MB),
        # Translators: the top bar's menu of the pages that do not fit in it.
        i18n.pgettext("the pages that do not fit", "More"),
    )
    return list(zip(_STREAMLIT_WORDS, words, strict=True))


def page_language() -> None:
    """At the foot of the page: tell the browser the page's language (and put this
    language's words in place of Streamlit's own). Once a session and language: what it
    sets lives in the page (its `<html>`, a stylesheet, a watcher), whatever the page shows
    next, so later runs send one element fewer."""
    if not state.first_in_language("page-language"):
        return
    _PAGE_LANGUAGE(data={"lang": i18n.language(), "css": STRIP_CSS, "words": streamlit_words()}, key="page-language")


def language_notice(asked: str | None) -> None:
    """Once a session: the browser or the link asked for a language the app does not speak."""
    if asked:
        st.toast(
            i18n._("Cause Atlas speaks English and Spanish; {asked} is neither, so it is shown in English.").format(
                asked=md_escape(asked)
            ),
            icon=":material/translate:",
            duration="long",
        )


def warning_signs() -> None:
    """At the foot of every page: every general warning sign, in view."""
    st.divider()
    st.subheader(f":material/e911_emergency: {when_to_get_help()}", anchor=False)
    flag_list(sidecars()[0])
