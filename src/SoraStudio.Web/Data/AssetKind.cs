namespace SoraStudio.Web.Data;

public enum AssetKind
{
    Character,
    Setting,
    Style,
    Product,
    /// <summary>A frame of a take (its last, as the first frame of the shot that continues it).</summary>
    Frame,
}
