using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace SoraStudio.Core.Catalog;

/// <summary>A frame size as the API writes it: "1280x720".</summary>
public readonly record struct VideoSize(int Width, int Height)
{
    public bool IsPortrait => Height > Width;

    /// <summary>The same size turned a quarter: 1280x720 ↔ 720x1280.</summary>
    public VideoSize Rotated => new(Height, Width);

    public override string ToString() => $"{Width}x{Height}";

    public static bool TryParse([NotNullWhen(true)] string? text, out VideoSize size)
    {
        size = default;
        var parts = text?.Trim().Split('x', 'X');
        if (parts is not [var w, var h]
            || !int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var width)
            || !int.TryParse(h, NumberStyles.None, CultureInfo.InvariantCulture, out var height)
            || width <= 0 || height <= 0)
            return false;
        size = new(width, height);
        return true;
    }
}
