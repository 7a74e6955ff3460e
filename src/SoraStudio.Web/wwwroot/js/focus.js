// Moves keyboard focus to an element that Blazor rendered after the click that asked for it.
export function focusById(id) {
    document.getElementById(id)?.focus();
}

// An "Add" button of a list whose new row arrives a server round trip after the click. Until it does, keys typed
// would reach the button (a space clicks it again and adds another row) or nowhere, and the first ones would be
// lost. So from the click on, typed characters are held here; the moment the new row's field is in the page (a
// mutation observer runs before the browser handles the next key), it takes the focus and the held characters.
// The button's data-next-field names that field's id; it is rendered with each list, so it is always the next one.
const armed = new WeakSet();
let stopWaiting = null;

export function holdKeysForNewRow(button, list) {
    if (!button || !list || armed.has(button)) return;
    armed.add(button);
    button.addEventListener('click', () => {
        const id = button.dataset.nextField;
        if (id) waitForField(id, list);
    });
}

function waitForField(id, list) {
    // A second click adds a second row: the keys typed after it are for that one.
    stopWaiting?.();
    let held = '';
    let done = false;
    const hold = event => {
        if (event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return;
        if (event.key === 'Tab' || event.key === 'Escape') return finish(null);
        if (event.key.length === 1) held += event.key;
        else if (event.key === 'Backspace') held = held.slice(0, -1);
        else if (event.key !== 'Enter') return; // Shift, arrows…: nothing to hold
        // Held, so that a space or an Enter does not click the button again.
        event.preventDefault();
        event.stopPropagation();
    };
    const observer = new MutationObserver(() => {
        const field = document.getElementById(id);
        if (field) finish(field);
    });
    const finish = field => {
        if (done) return;
        done = true;
        observer.disconnect();
        document.removeEventListener('keydown', hold, true);
        clearTimeout(timer);
        if (!field) return;
        field.focus();
        if (held.length > 0) {
            field.value += held;
            field.dispatchEvent(new Event('input', { bubbles: true }));
        }
    };
    const timer = setTimeout(() => finish(document.getElementById(id)), 5000);
    stopWaiting = () => finish(null);
    document.addEventListener('keydown', hold, true);
    observer.observe(list, { childList: true, subtree: true });
}
