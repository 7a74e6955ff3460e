namespace SoraStudio.Core.Prompting;

/// <summary>An action beat being read: its text may continue on the following lines.</summary>
internal sealed class BeatDraft(double? start, double? end)
{
    public TextBlock Text { get; } = new();
    public double? Start { get; } = start;
    public double? End { get; } = end;
}
