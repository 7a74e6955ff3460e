using SoraStudio.Core.Catalog;
using SoraStudio.Core.Spec;

namespace SoraStudio.Web.Features.Compose;

/// <summary>The spec's generation parameters, edited together because the model decides which sizes and durations are allowed.</summary>
public sealed record GenerationSettings(string Model, string Size, int Seconds)
{
    public static GenerationSettings Of(ShotSpec spec) => new(spec.Model, spec.Size, spec.Seconds);

    public ShotSpec ApplyTo(ShotSpec spec) => spec with { Model = Model, Size = Size, Seconds = Seconds };

    public bool IsPortrait => VideoSize.TryParse(Size, out var size) && size.IsPortrait;

    /// <summary>Switches model, keeping the size and duration where the new model allows them, else the closest it does.</summary>
    public GenerationSettings WithModel(ModelInfo model) =>
        new(model.Id, ClosestSize(model, Size, IsPortrait), ClosestSeconds(model, Seconds));

    /// <summary>Turns the frame: the same size rotated where the model allows it, else its first size of that orientation.</summary>
    public GenerationSettings WithOrientation(ModelInfo model, bool portrait)
    {
        var turned = VideoSize.TryParse(Size, out var size) && size.IsPortrait != portrait ? size.Rotated.ToString() : Size;
        var allowed = SizesOf(model, portrait).ToList();
        return this with { Size = allowed.Contains(turned) ? turned : allowed.FirstOrDefault() ?? Size };
    }

    public static IEnumerable<string> SizesOf(ModelInfo model, bool portrait) =>
        model.Sizes.Where(s => VideoSize.TryParse(s, out var size) && size.IsPortrait == portrait);

    private static string ClosestSize(ModelInfo model, string size, bool portrait) =>
        model.AllowsSize(size) ? size : SizesOf(model, portrait).Concat(model.Sizes).First();

    private static int ClosestSeconds(ModelInfo model, int seconds) =>
        model.Seconds.OrderBy(s => Math.Abs(s - seconds)).ThenBy(s => s).First();
}
