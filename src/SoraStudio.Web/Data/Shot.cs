using SoraStudio.Core.Spec;
using SoraStudio.Core.StyleBible;

namespace SoraStudio.Web.Data;

/// <summary>One slot on a project's timeline.</summary>
public sealed class Shot
{
    public long Id { get; set; }
    public long ProjectId { get; set; }
    public Project? Project { get; set; }

    /// <summary>Order on the timeline, from 0.</summary>
    public int Position { get; set; }

    public string Title { get; set; } = "";
    /// <summary>The shot as written; the project's style bible fills what it leaves empty when a take is made.</summary>
    public ShotSpec Spec { get; set; } = ShotSpec.Empty;

    /// <summary>Style bible fields this shot does not take, even where its own are empty.</summary>
    public ShotOverrides Overrides { get; set; } = ShotOverrides.None;
    public string Notes { get; set; } = "";

    /// <summary>The asset sent as <c>input_reference</c>; the spec's <see cref="ShotSpec.ReferenceImage"/> describes it.</summary>
    public long? ReferenceAssetId { get; set; }
    public Asset? ReferenceAsset { get; set; }

    public long? SelectedTakeId { get; set; }
    public Take? SelectedTake { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<Take> Takes { get; set; } = [];
}
