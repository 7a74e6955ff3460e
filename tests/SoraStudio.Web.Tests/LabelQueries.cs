using AngleSharp.Dom;
using Microsoft.AspNetCore.Components;

namespace SoraStudio.Web.Tests;

/// <summary>
/// bUnit's label query (<c>FindByLabelText</c>, as bUnit's Bunit.Web.Query package names it): that package is not in
/// the package source (bunit 2.15.2 itself has no label or role queries), so this stands in for it with the same name
/// and the same ways of labelling; with the package, delete this file.
/// </summary>
public static class LabelQueries
{
    /// <summary>
    /// The one control a person finds by <paramref name="labelText"/>: pointed at by a <c>label for</c>, wrapped in a
    /// <c>label</c>, named by <c>aria-labelledby</c> or by <c>aria-label</c> (Radzen numerics and drop-downs).
    /// </summary>
    public static IElement FindByLabelText<TComponent>(this IRenderedComponent<TComponent> cut, string labelText) where TComponent : IComponent
    {
        var all = cut.Nodes.OfType<IElement>().SelectMany(e => e.GetDescendantsAndSelf().OfType<IElement>()).ToList();
        var labels = all.Where(e => e.LocalName == "label" && e.TextContent.Trim() == labelText).ToList();
        var byId = all.Where(e => e.Id is { Length: > 0 }).GroupBy(e => e.Id!).ToDictionary(g => g.Key, g => g.First());
        var targets = labels.Select(l => l.GetAttribute("for") is { Length: > 0 } id ? byId.GetValueOrDefault(id) : l.QuerySelector("input, textarea, select"))
            .Concat(all.Where(e => e.GetAttribute("aria-labelledby") is { } ids
                && ids.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(id => byId.TryGetValue(id, out var label) && label.TextContent.Trim() == labelText)))
            .Concat(all.Where(e => e.GetAttribute("aria-label") == labelText))
            .OfType<IElement>()
            .Distinct()
            .ToList();
        return targets switch
        {
            [var one] => one,
            [] => throw new InvalidOperationException($"No control is labelled “{labelText}”."),
            _ => throw new InvalidOperationException($"{targets.Count} controls are labelled “{labelText}”."),
        };
    }
}
