using SoraStudio.Core.Spec;

namespace SoraStudio.Web.Features.Compose;

/// <summary>
/// Stable keys for the rows of an immutable list, so that a moved row keeps its DOM element (and the keyboard
/// focus in it). An edit plans the keys of the list it raises; they are taken up when the parent passes that
/// list back. A list from anywhere else (an import, a fix) gets fresh keys.
/// </summary>
public sealed class RowKeys<TItem>
{
    private List<int> _ids = [];
    private ValueList<TItem> _known;
    private (ValueList<TItem> Items, List<int> Ids)? _planned;
    private int _next;

    public int this[int index] => _ids[index];

    public IReadOnlyList<int> All => _ids;

    /// <summary>Takes up the list the parent passed; false when it got fresh keys.</summary>
    public bool Sync(ValueList<TItem> items)
    {
        var kept = true;
        if (_planned is { } planned && planned.Items == items) _ids = planned.Ids;
        else if (items != _known) (_ids, _next, kept) = ([.. Enumerable.Range(_next, items.Count)], _next + items.Count, false);
        (_known, _planned) = (items, null);
        return kept;
    }

    public ValueList<TItem> Edited(ValueList<TItem> items) => Plan(items, _ids);

    public ValueList<TItem> Added(ValueList<TItem> items) => Plan(items, [.. _ids, _next++]);

    public ValueList<TItem> Moved(ValueList<TItem> items, int from, int to)
    {
        List<int> ids = [.. _ids];
        ids.RemoveAt(from);
        ids.Insert(to, _ids[from]);
        return Plan(items, ids);
    }

    public ValueList<TItem> Removed(ValueList<TItem> items, int index)
    {
        List<int> ids = [.. _ids];
        ids.RemoveAt(index);
        return Plan(items, ids);
    }

    private ValueList<TItem> Plan(ValueList<TItem> items, List<int> ids)
    {
        _planned = (items, ids);
        return items;
    }
}
