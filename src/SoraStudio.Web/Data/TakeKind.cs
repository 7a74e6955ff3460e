namespace SoraStudio.Web.Data;

/// <summary>How a take came about; all but <see cref="Generation"/> start from <see cref="Take.ParentTakeId"/>'s video.</summary>
public enum TakeKind
{
    /// <summary>A create from the shot's spec.</summary>
    Generation,
    /// <summary><c>POST /videos/{id}/remix</c>: one change to the parent.</summary>
    Remix,
    /// <summary><c>POST /videos/edits</c>: one change to the parent (the successor of remix).</summary>
    Edit,
    /// <summary><c>POST /videos/extensions</c>: the parent followed by more seconds; <see cref="Take.Seconds"/> is the stitched total.</summary>
    Extension,
}
