//! The paste box: label, where-to-find hints, file pick and drop, samples, Diagnose.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::browser;
use crate::i18n::{self, Lang};
use crate::samples::{self, Sample, SAMPLES};
use crate::state::{Action, InputProblem, MAX_INPUT_BYTES};

/// What [`paste_box`] shows. The box's text is not among them: the box is uncontrolled, and
/// the app writes into it (`write_box`) only when the text came from elsewhere.
pub struct Props {
    /// The page language.
    pub lang: Lang,
    /// True while `diagnose` runs.
    pub working: bool,
    /// A problem with the input.
    pub problem: Option<InputProblem>,
    /// True when the box shows the text read out of an Outlook `.msg` file.
    pub from_outlook: bool,
    /// False when the visitor turned blocklist checks off: the promise then says nothing is sent.
    pub lookups: bool,
    /// Receives the user's gestures.
    pub on_action: Callback<Action>,
}

fn load_file(file: web_sys::File, on_action: Callback<Action>) {
    // Checked before reading, so a huge file is never pulled into memory.
    if file.size() > MAX_INPUT_BYTES as f64 {
        on_action.emit(Action::FileTooLarge(file.size() as usize));
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        match browser::read_file(file).await {
            Some(bytes) => on_action.emit(Action::LoadFile(bytes)),
            None => on_action.emit(Action::FileFailed),
        }
    });
}

/// The id of the paste box.
const BOX_ID: &str = "bounce";

/// Writes `text` into the paste box. The box is uncontrolled: it is written only when the
/// state says the text came from elsewhere (`State::text_rev`), never read back on render
/// (Yew would copy its whole value each time).
pub fn write_box(text: &str) {
    let area = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(BOX_ID))
        .and_then(|el| el.dyn_into::<web_sys::HtmlTextAreaElement>().ok());
    if let Some(area) = area {
        area.set_value(text);
    }
}

/// Shows or stops showing that a dragged file would be taken. The flag is an attribute of the
/// drop zone set here rather than rendered: Yew leaves an attribute it never rendered alone.
fn set_dragging(e: &DragEvent, on: bool) {
    let zone = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest(".drop").ok().flatten());
    if let Some(zone) = zone {
        let _ = zone.toggle_attribute_with_force("data-dragging", on);
    }
}

/// The first step of the page. A plain function, not a component (which instantiated Yew's
/// hook and lifecycle code once more): the drag flag is the DOM's, the box's text the app's.
pub fn paste_box(props: &Props) -> Html {
    let lang = props.lang;
    let t = |tr: i18n::Tr| tr.get(lang);
    let promise: &'static i18n::Tr = if props.lookups {
        &i18n::PRIVATE_PROMISE
    } else {
        &i18n::PRIVATE_PROMISE_OFF
    };

    let oninput = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: InputEvent| {
            let Some(area) = e.target_dyn_into::<web_sys::HtmlTextAreaElement>() else {
                return;
            };
            // A paste (or a drop of text) diagnoses at once; typing waits for the button.
            let kind = e.input_type();
            if kind == "insertFromPaste" || kind == "insertFromDrop" {
                on_action.emit(Action::Paste(area.value()));
            } else {
                on_action.emit(Action::Edit(area.value()));
            }
        })
    };
    let onkeydown = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) {
                e.prevent_default();
                on_action.emit(Action::Diagnose);
            }
        })
    };
    let ondragover = Callback::from(|e: DragEvent| {
        // Only files are taken over; dragged text falls through to the textarea.
        let has_files = e
            .data_transfer()
            .map(|dt| {
                dt.types()
                    .iter()
                    .any(|t| t.as_string().as_deref() == Some("Files"))
            })
            .unwrap_or(false);
        if has_files {
            e.prevent_default();
            set_dragging(&e, true);
        }
    });
    let ondragleave = Callback::from(|e: DragEvent| set_dragging(&e, false));
    let ondrop = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: DragEvent| {
            set_dragging(&e, false);
            let file = e
                .data_transfer()
                .and_then(|dt| dt.files())
                .and_then(|f| f.get(0));
            if let Some(file) = file {
                e.prevent_default();
                load_file(file, on_action.clone());
            }
        })
    };
    let onchange = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                return;
            };
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                load_file(file, on_action.clone());
            }
            // Picking the same file again must fire `change` again.
            input.set_value("");
        })
    };
    let action = |a: Action| super::send::<MouseEvent>(&props.on_action, a);
    let sample = |s: &'static Sample| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| samples::load(s, on_action.clone()))
    };

    let problem = props.problem.map(|p| match p {
        InputProblem::Empty => t(i18n::EMPTY_INPUT).to_string(),
        InputProblem::TooLarge(size) => {
            format!("{} ({} MB)", t(i18n::TOO_LARGE), megabytes(size))
        }
        InputProblem::FileUnreadable => t(i18n::FILE_READ_FAILED).to_string(),
        InputProblem::SampleUnavailable => t(i18n::SAMPLE_FAILED).to_string(),
        InputProblem::NotMail(kind) => {
            let what = match kind {
                "png" | "jpeg" | "gif" => i18n::FILE_IS_IMAGE,
                "pdf" => i18n::FILE_IS_PDF,
                "zip" => i18n::FILE_IS_ZIP,
                "outlook" => i18n::FILE_IS_OFFICE,
                _ => i18n::FILE_IS_BINARY,
            };
            format!("{} {}", t(what), t(i18n::NOT_MAIL_ADVICE))
        }
    });

    html! {
        <section class="card paste" aria-labelledby="paste-heading">
            <h2 id="paste-heading"><span class="step-no" aria-hidden="true">{"1"}</span>{ i18n::PASTE_HEADING.text(lang) }</h2>
            <label for="bounce" class="label">{ i18n::PASTE_LABEL.text(lang) }</label>
            <details class="where">
                <summary>{ i18n::WHERE_TO_FIND.text(lang) }</summary>
                <ul>
                    <li>{ i18n::WHERE_OUTLOOK.text(lang) }</li>
                    <li>{ i18n::WHERE_GMAIL.text(lang) }</li>
                    <li>{ i18n::WHERE_THUNDERBIRD.text(lang) }</li>
                    <li>{ i18n::WHERE_IPHONE.text(lang) }</li>
                    <li>{ i18n::WHERE_GMAIL_APP.text(lang) }</li>
                    <li>{ i18n::WHERE_CARRIER_APPS.text(lang) }</li>
                </ul>
            </details>
            <div class="drop"
                {ondragover} {ondragleave} {ondrop}>
                <textarea id={BOX_ID} data-testid="paste" rows="10" spellcheck="false"
                    autocomplete="off" autocapitalize="off"
                    aria-describedby="drop-hint paste-problem"
                    aria-invalid={props.problem.is_some().to_string()}
                    placeholder={t(i18n::PASTE_PLACEHOLDER)}
                    {oninput} {onkeydown} />
            </div>
            <p id="drop-hint" class="hint">{ i18n::DROP_HINT.text(lang) }</p>
            if props.from_outlook {
                <p class="hint" data-testid="from-outlook">{ i18n::FROM_OUTLOOK_FILE.text(lang) }</p>
            }
            <p id="paste-problem" class="problem" data-testid="input-problem" role="alert">
                { problem.unwrap_or_default() }
            </p>
            <div class="actions">
                <button type="button" class="primary" data-testid="diagnose"
                    disabled={props.working} onclick={action(Action::Diagnose)}>
                    { if props.working { i18n::WORKING.text(lang) } else { i18n::DIAGNOSE_BUTTON.text(lang) } }
                </button>
                <label class="button file">
                    { i18n::CHOOSE_FILE.text(lang) }
                    <input type="file" data-testid="file" class="visually-hidden"
                        accept=".eml,.txt,.msg,message/rfc822,text/plain" {onchange} />
                </label>
                <button type="button" class="quiet" data-testid="clear" onclick={action(Action::Clear)}>
                    { i18n::CLEAR_BUTTON.text(lang) }
                </button>
            </div>
            <p class="promise" data-testid="promise"><svg class="lock" aria-hidden="true" viewBox="0 0 16 16" width="14" height="14"><path fill="currentColor" d="M4 7V5a4 4 0 1 1 8 0v2h1v8H3V7h1zm2 0h4V5a2 2 0 1 0-4 0v2z"/></svg>{ promise.text(lang) }</p>
            <div class="samples" role="group" aria-labelledby="samples-label">
                <span id="samples-label">{ i18n::SAMPLES_LABEL.text(lang) }</span>
                { for SAMPLES.iter().map(|s| html! {
                    <button type="button" class="chip" data-testid={format!("sample-{}", s.id)}
                        onclick={sample(s)}>
                        { s.label.text(lang) }
                    </button>
                }) }
            </div>
        </section>
    }
}

/// `size` bytes in MiB with one decimal, rounded half up ("5.1"). Integer arithmetic: float
/// formatting would add about 5 KiB of gzip to the page for this one number.
fn megabytes(size: usize) -> String {
    const MIB: u64 = 1024 * 1024;
    let tenths = (size as u64).saturating_mul(10).saturating_add(MIB / 2) / MIB;
    format!("{}.{}", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod tests {
    use super::megabytes;

    #[test]
    fn sizes_read_in_megabytes() {
        assert_eq!(megabytes(0), "0.0");
        assert_eq!(megabytes(5 * 1024 * 1024 + 10), "5.0");
        assert_eq!(megabytes(5 * 1024 * 1024 + 110_000), "5.1");
        assert_eq!(megabytes(12_345_678), "11.8");
        assert!(!megabytes(usize::MAX).is_empty());
    }
}
