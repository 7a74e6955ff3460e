namespace SoraStudio.Web.Features.Compose;

/// <summary>One item of a <see cref="ReorderableList{TItem}"/> as its template sees it.</summary>
public sealed record ListItem<TItem>(TItem Value, int Index, Func<TItem, Task> Update)
{
    /// <summary>1-based, as labels count.</summary>
    public int Position => Index + 1;
}
