using System.Diagnostics;
using System.Linq.Expressions;
using SoraStudio.SoraApi;
using SoraStudio.Web.Data;

namespace SoraStudio.Web.Features.Takes;

/// <summary>The one definition of a take as a card, for every query that lists takes (a shot's, the gallery's, the API's).</summary>
public static class TakeCards
{
    /// <summary>A take as a card: its row, its thumbnail and video, its review.</summary>
    private static readonly Expression<Func<StudioDbContext, Take, TakeCard>> Projection = (db, t) => new TakeCard(
        t.Id, t.ShotId, t.ParentTakeId, t.RemixInstruction, t.Status, t.Progress, t.FailureClass, t.ErrorMessage,
        t.Model, t.Size, t.Seconds, t.EstimatedCost, t.Cost, t.RequestedBy, t.CreatedAt, t.CompletedAt,
        db.Clips.Where(c => c.TakeId == t.Id && c.Variant == VideoVariant.Thumbnail).Select(c => c.RelativePath).FirstOrDefault(),
        db.Clips.Where(c => c.TakeId == t.Id && c.Variant == VideoVariant.Video).Select(c => c.RelativePath).FirstOrDefault(),
        db.TakeReviews.Where(r => r.TakeId == t.Id).Select(r => (ReviewState?)r.State).FirstOrDefault(),
        db.TakeReviews.Where(r => r.TakeId == t.Id).Select(r => r.Rating).FirstOrDefault(),
        t.Kind, t.Number, t.SubmittedAt, t.ProgressAt);

    /// <summary>A take as a card, for a LINQ query's <c>Select</c>.</summary>
    public static Expression<Func<Take, TakeCard>> Of(StudioDbContext db) => Inline<Func<Take, TakeCard>>(t => AsCard(db, t));

    /// <summary>Where a query's card goes; <see cref="Inline"/> puts the projection in its place.</summary>
    public static TakeCard AsCard(StudioDbContext db, Take take) => throw new UnreachableException("AsCard only marks a card inside a query passed to TakeCards.Inline.");

    /// <summary>
    /// Inlines the card's projection at each <see cref="AsCard"/> of <paramref name="query"/>. EF Core cannot
    /// translate a call of our own, and a compiled query cannot take the projection as a value, so this is how the
    /// LINQ queries and the compiled ones share one definition of a card.
    /// </summary>
    public static Expression<T> Inline<T>(Expression<T> query) => (Expression<T>)new CardInliner().Visit(query);

    private sealed class CardInliner : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.Name != nameof(AsCard) || node.Method.DeclaringType != typeof(TakeCards))
                return base.VisitMethodCall(node);
            var db = Visit(node.Arguments[0]);
            var take = Visit(node.Arguments[1]);
            return new Substitution(Projection.Parameters[0], db, Projection.Parameters[1], take).Visit(Projection.Body);
        }
    }

    private sealed class Substitution(ParameterExpression db, Expression dbValue, ParameterExpression take, Expression takeValue) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == db ? dbValue : node == take ? takeValue : node;
    }
}
