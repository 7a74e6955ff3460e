namespace SoraStudio.Web.Features.Takes;

/// <summary>
/// What a take may still be extended by: its length, how many extensions in a row lead to it, the added lengths the
/// limits allow (none after six extensions or at 120 s), the price per second of its model and size (null: unknown),
/// and, when nothing is allowed, why.
/// </summary>
public sealed record ExtensionChoices(long TakeId, int Seconds, int Extensions, IReadOnlyList<int> Allowed, decimal? PricePerSecond, string? Refusal);
