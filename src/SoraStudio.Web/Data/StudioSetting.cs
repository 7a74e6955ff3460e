namespace SoraStudio.Web.Data;

/// <summary>A studio-wide setting the owner enters in the app (secrets are stored protected, never in plain text).</summary>
public sealed class StudioSetting
{
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}
