namespace SoraStudio.Web.Data;

public enum AssetKind
{
    Character,
    Setting,
    Style,
    Product,
}
