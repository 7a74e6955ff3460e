// Copies text to the clipboard; resolves to false when the browser refuses (no permission, insecure context).
export async function copyText(text) {
    try {
        await navigator.clipboard.writeText(text);
        return true;
    } catch {
        return false;
    }
}
