using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Takes;

namespace SoraStudio.Web.Features.Gallery;

/// <summary>What to tell a person about a take that did not become ready.</summary>
public static class TakeFailure
{
    public static (string Title, string Text)? Describe(TakeCard take) => take switch
    {
        { Status: TakeStatus.Failed, ParentTakeId: not null, FailureClass: FailureClass.InvalidRequest or FailureClass.Expired } =>
            ("The provider refused the remix",
             "The parent's video is no longer at the provider (expired or deleted), so it cannot be remixed. " +
             $"Generate the shot again and remix the new take instead.{(take.ErrorMessage is { Length: > 0 } m ? $" (Provider: {m})" : "")}"),
        { Status: TakeStatus.Failed } => ("Failed", take.ErrorMessage ?? "The take failed."),
        { Status: TakeStatus.Expired } => ("Expired", take.ErrorMessage ?? "The clip expired at the provider before it was downloaded."),
        { Status: TakeStatus.NeedsAttention } => ("Needs attention", take.ErrorMessage ?? "The worker set this take aside."),
        { Status: TakeStatus.Canceled } => ("Canceled", "This take was canceled."),
        _ => null,
    };
}
