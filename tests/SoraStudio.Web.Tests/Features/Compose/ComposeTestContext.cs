using AngleSharp.Dom;
using Radzen;

namespace SoraStudio.Web.Tests.Features.Compose;

/// <summary>bUnit with Radzen's services; JS calls (focus, clipboard, Radzen's own) answer with defaults.</summary>
public abstract class ComposeTestContext : BunitContext
{
    protected ComposeTestContext()
    {
        Services.AddRadzenComponents();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    /// <summary>The control labelled <paramref name="label"/>: the name the tests used before <see cref="LabelQueries"/>.</summary>
    protected static IElement ByLabel<T>(IRenderedComponent<T> cut, string label) where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.FindByLabelText(label);

    /// <summary>The button with this accessible name: its aria-label, else its text (without the icon's ligature).</summary>
    protected static IElement Button<T>(IRenderedComponent<T> cut, string name) where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.FindAll("button").Single(b => (b.GetAttribute("aria-label") ?? (b.QuerySelector(".rz-button-text") ?? b).TextContent.Trim()) == name);
}
