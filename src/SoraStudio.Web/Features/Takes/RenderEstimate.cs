using SoraStudio.Web.Data;

namespace SoraStudio.Web.Features.Takes;

/// <summary>
/// Where a rendering take stands now, between two status polls: the percent to show (the provider's last figure, carried
/// forward at the pace it reported, never past 99 nor below what it said) and what is left to say about the time.
/// </summary>
/// <param name="Percent">0–100.</param>
/// <param name="Left">The time left, when there is an estimate ("about 40 s left").</param>
/// <param name="Text">What to say beside the bar: "about 40 s left", "almost done", "estimating time left", "queued" ….</param>
public sealed record RenderEstimate(int Percent, TimeSpan? Left, string Text)
{
    /// <summary>Below this the provider's first figures say too little about its pace.</summary>
    private const int FirstReliablePercent = 3;

    /// <summary>An estimate longer than this is not an estimate any more: it is left unsaid.</summary>
    private static readonly TimeSpan Longest = TimeSpan.FromHours(1);

    public static RenderEstimate Of(TakeCard card, DateTimeOffset now) =>
        Of(card.Status, card.Progress, card.SubmittedAt, card.ProgressAt, now);

    public static RenderEstimate Of(TakeStatus status, int progress, DateTimeOffset? submittedAt, DateTimeOffset? progressAt, DateTimeOffset now)
    {
        var reported = Math.Clamp(progress, 0, 100);
        switch (status)
        {
            case TakeStatus.Queued:
                return new(reported, null, "waiting for a free slot");
            case TakeStatus.Submitting:
                return new(reported, null, "sending to the provider");
            case TakeStatus.Downloading:
                return new(100, null, "downloading the clip");
            case not TakeStatus.InProgress:
                return new(reported, null, "");
        }
        // The provider's pace: it reported `progress` % after `observed` of rendering.
        if (submittedAt is not { } start || progressAt is not { } at || at <= start || reported < FirstReliablePercent)
            return new(reported, null, "estimating time left");
        var observed = at - start;
        var total = observed * (100.0 / reported);
        var elapsed = now > start ? now - start : TimeSpan.Zero;
        var left = total - elapsed;
        var percent = Math.Clamp((int)Math.Floor(100 * (elapsed / total)), reported, 99);
        if (left <= TimeSpan.FromSeconds(3))
            return new(percent, TimeSpan.Zero, elapsed > total * 1.5 ? "taking longer than expected" : "almost done");
        if (left > Longest)
            return new(percent, null, "more than an hour left");
        return new(percent, left, $"about {Say(left)} left");
    }

    /// <summary>"40 s", "2 min": rounded as a person would say it, never a false precision.</summary>
    public static string Say(TimeSpan left)
    {
        var seconds = left.TotalSeconds;
        if (seconds < 20)
            return $"{Math.Max(1, (int)Math.Ceiling(seconds))} s";
        if (seconds < 90)
            return $"{(int)(Math.Ceiling(seconds / 5) * 5)} s";
        return $"{(int)Math.Round(left.TotalMinutes, MidpointRounding.AwayFromZero)} min";
    }
}
