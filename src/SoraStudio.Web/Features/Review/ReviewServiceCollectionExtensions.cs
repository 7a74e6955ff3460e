using Microsoft.Extensions.DependencyInjection.Extensions;
using SoraStudio.Web.Generation;

namespace SoraStudio.Web.Features.Review;

public static class ReviewServiceCollectionExtensions
{
    /// <summary>Review: approvals and ratings, time-coded comments, and the in-process stream that tells open pages about them.</summary>
    public static IServiceCollection AddStudioReview(this IServiceCollection services)
    {
        services.TryAddSingleton(typeof(EventStream<>));
        services.AddScoped<ReviewService>();
        services.AddScoped<CommentService>();
        return services;
    }
}
