using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SoraStudio.Core.Spec;

/// <summary>
/// An immutable list with value equality, so that records holding lists compare by content
/// (a parsed spec equals the spec it was rendered from).
/// </summary>
[JsonConverter(typeof(ValueListJsonConverterFactory))]
[CollectionBuilder(typeof(ValueList), nameof(ValueList.Create))]
public readonly struct ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly ImmutableArray<T> _items;

    public ValueList(IEnumerable<T> items) => _items = [.. items];

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "Mirrors ImmutableArray<T>.Empty.")]
    public static ValueList<T> Empty => default;

    private ImmutableArray<T> Items => _items.IsDefault ? [] : _items;

    public int Count => Items.Length;
    public T this[int index] => Items[index];
    public bool IsEmpty => Count == 0;

    public ValueList<T> Add(T item) => new(Items.Add(item));
    public ValueList<T> SetItem(int index, T item) => new(Items.SetItem(index, item));
    public ValueList<T> RemoveAt(int index) => new(Items.RemoveAt(index));
    public ValueList<T> Insert(int index, T item) => new(Items.Insert(index, item));

    /// <summary>Moves the item at <paramref name="from"/> to <paramref name="to"/>.</summary>
    public ValueList<T> Move(int from, int to)
    {
        var item = Items[from];
        return new(Items.RemoveAt(from).Insert(to, item));
    }

    public ImmutableArray<T>.Enumerator GetEnumerator() => Items.GetEnumerator();
    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)Items).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable)Items).GetEnumerator();

    public bool Equals(ValueList<T> other) => Items.SequenceEqual(other.Items);
    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in Items) hash.Add(item);
        return hash.ToHashCode();
    }

    public static bool operator ==(ValueList<T> left, ValueList<T> right) => left.Equals(right);
    public static bool operator !=(ValueList<T> left, ValueList<T> right) => !left.Equals(right);

    public static implicit operator ValueList<T>(T[] items) => new(items);
    public static implicit operator ValueList<T>(List<T> items) => new(items);

    public override string ToString() => $"[{string.Join(", ", Items)}]";
}

/// <summary>Creates <see cref="ValueList{T}"/> from collection expressions: <c>ValueList&lt;string&gt; xs = ["a", "b"]</c>.</summary>
public static class ValueList
{
    public static ValueList<T> Create<T>(ReadOnlySpan<T> items) => new(items.ToArray());
}

internal sealed class ValueListJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(ValueList<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(
            typeof(ValueListJsonConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
}

internal sealed class ValueListJsonConverter<T> : JsonConverter<ValueList<T>>
{
    public override ValueList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
            return ValueList<T>.Empty;
        // A message of our own keeps the field's path and says what was wrong without .NET type names.
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new JsonException("Expected a list (a JSON array).");
        List<T>? items;
        try
        {
            items = JsonSerializer.Deserialize<List<T>>(ref reader, options);
        }
        catch (JsonException e)
        {
            // The nested read knows only its own path ("$[2].text"): without a message the serializer gives this one
            // the list's path, and the nested one stays inside to say which entry and why.
            throw new JsonException(null, e);
        }
        if (items is null || items.Any(item => item is null))
            throw new JsonException("An entry of this list is null.");
        return new(items);
    }

    public override void Write(Utf8JsonWriter writer, ValueList<T> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.ToArray(), options);
}
