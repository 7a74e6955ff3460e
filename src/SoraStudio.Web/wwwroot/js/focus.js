// Moves keyboard focus to an element that Blazor rendered after the click that asked for it.
export function focusById(id) {
    document.getElementById(id)?.focus();
}
