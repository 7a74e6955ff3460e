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

    /// <summary>
    /// The control a person finds by its label: the element a <c>label for</c> with exactly this text points at,
    /// else the element whose aria-label is this text (Radzen numerics and drop-downs).
    /// </summary>
    protected static IElement ByLabel<T>(IRenderedComponent<T> cut, string label) where T : Microsoft.AspNetCore.Components.IComponent =>
        ByLabel(cut.Nodes, label);

    private static IElement ByLabel(INodeList nodes, string label)
    {
        var all = nodes.OfType<IElement>().SelectMany(e => e.GetDescendantsAndSelf().OfType<IElement>()).ToList();
        var targets = all.Where(e => e.LocalName == "label" && e.TextContent.Trim() == label && e.GetAttribute("for") is { Length: > 0 })
            .Select(l => all.FirstOrDefault(e => e.Id == l.GetAttribute("for")))
            .Concat(all.Where(e => e.GetAttribute("aria-label") == label))
            .OfType<IElement>()
            .Distinct()
            .ToList();
        return targets switch
        {
            [var one] => one,
            [] => throw new InvalidOperationException($"No control is labelled “{label}”."),
            _ => throw new InvalidOperationException($"{targets.Count} controls are labelled “{label}”."),
        };
    }

    /// <summary>The button with this accessible name: its aria-label, else its text (without the icon's ligature).</summary>
    protected static IElement Button<T>(IRenderedComponent<T> cut, string name) where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.FindAll("button").Single(b => (b.GetAttribute("aria-label") ?? (b.QuerySelector(".rz-button-text") ?? b).TextContent.Trim()) == name);
}
