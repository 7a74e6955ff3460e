using Microsoft.Playwright;

namespace SoraStudio.EndToEnd.Tests;

/// <summary>The composer benchmarks' keystroke: timed in the page, so the test driver's own overhead is not in it.</summary>
public static class Keystroke
{
    /// <summary>
    /// Appends <paramref name="word"/> (unique on the page) to <paramref name="field"/>, fires the input event a keystroke
    /// fires, and returns the milliseconds until the prompt preview shows it; −1 when it has not within 30 s.
    /// </summary>
    public static Task<double> ToPreviewAsync(IPage page, IElementHandle field, string word) =>
        page.EvaluateAsync<double>("""
            async ([area, word]) => {
                const shown = new Promise(resolve => {
                    const observer = new MutationObserver(() => {
                        if (document.querySelector('pre.composer-prompt')?.textContent.includes(word)) { observer.disconnect(); resolve(); }
                    });
                    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
                });
                const started = performance.now();
                area.value += word;
                area.dispatchEvent(new Event('input', { bubbles: true }));
                return await Promise.race([shown.then(() => performance.now() - started), new Promise(r => setTimeout(() => r(-1), 30000))]);
            }
            """, new object[] { field, word });
}
