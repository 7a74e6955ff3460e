using System.Diagnostics;
using System.Linq.Expressions;
using SoraStudio.SoraApi;
using SoraStudio.Web.Data;

namespace SoraStudio.Web.Features.Gallery;

public sealed partial class GalleryQueries
{
    /// <summary>A take as a card: its row, its thumbnail and video, its review.</summary>
    private static readonly Expression<Func<StudioDbContext, Take, TakeCard>> CardProjection = (db, t) => new TakeCard(
        t.Id, t.ShotId, t.ParentTakeId, t.RemixInstruction, t.Status, t.Progress, t.FailureClass, t.ErrorMessage,
        t.Model, t.Size, t.Seconds, t.EstimatedCost, t.Cost, t.RequestedBy, t.CreatedAt, t.CompletedAt,
        db.Clips.Where(c => c.TakeId == t.Id && c.Variant == VideoVariant.Thumbnail).Select(c => c.RelativePath).FirstOrDefault(),
        db.Clips.Where(c => c.TakeId == t.Id && c.Variant == VideoVariant.Video).Select(c => c.RelativePath).FirstOrDefault(),
        db.TakeReviews.Where(r => r.TakeId == t.Id).Select(r => (ReviewState?)r.State).FirstOrDefault(),
        db.TakeReviews.Where(r => r.TakeId == t.Id).Select(r => r.Rating).FirstOrDefault(),
        t.Kind);

    private static Expression<Func<Take, TakeCard>> Card(StudioDbContext db) => WithCards<Func<Take, TakeCard>>(t => AsCard(db, t));

    /// <summary>Where a query's card goes; <see cref="WithCards"/> puts <see cref="CardProjection"/> in its place.</summary>
    private static TakeCard AsCard(StudioDbContext db, Take take) => throw new UnreachableException("AsCard only marks a card inside a query passed to WithCards.");

    /// <summary>
    /// Inlines <see cref="CardProjection"/> at each <see cref="AsCard"/> of <paramref name="query"/>. EF Core cannot
    /// translate a call of our own, and a compiled query cannot take the projection as a value, so this is how the
    /// LINQ queries and the compiled ones share one definition of a card.
    /// </summary>
    private static Expression<T> WithCards<T>(Expression<T> query) => (Expression<T>)new CardInliner().Visit(query);

    private sealed class CardInliner : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.Name != nameof(AsCard) || node.Method.DeclaringType != typeof(GalleryQueries))
                return base.VisitMethodCall(node);
            var db = Visit(node.Arguments[0]);
            var take = Visit(node.Arguments[1]);
            return new Substitution(CardProjection.Parameters[0], db, CardProjection.Parameters[1], take).Visit(CardProjection.Body);
        }
    }

    private sealed class Substitution(ParameterExpression db, Expression dbValue, ParameterExpression take, Expression takeValue) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == db ? dbValue : node == take ? takeValue : node;
    }
}
