using SoraStudio.Core.StyleBible;

namespace SoraStudio.Web.Data;

/// <summary>A named piece of work: its style bible, defaults for new shots, an optional budget, and its shots.</summary>
public sealed class Project
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";

    /// <summary>What every shot inherits unless it overrides it.</summary>
    public StyleBible StyleBible { get; set; } = StyleBible.Empty;

    public string DefaultModel { get; set; } = "sora-2";
    public string DefaultSize { get; set; } = "1280x720";

    /// <summary>USD; null means no budget.</summary>
    public decimal? Budget { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set aside: hidden from the projects list until restored; nothing of it is deleted.</summary>
    public bool Archived { get; set; }

    /// <summary>The highest take number given out in the project (<see cref="Take.Number"/>); numbers are never reused.</summary>
    public int LastTakeNumber { get; set; }

    public List<Shot> Shots { get; set; } = [];
    public List<Asset> Assets { get; set; } = [];
}
