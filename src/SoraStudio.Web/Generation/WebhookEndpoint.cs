namespace SoraStudio.Web.Generation;

public static class WebhookEndpoint
{
    public const string Path = "/webhooks/openai";

    /// <summary>Maps <c>POST /webhooks/openai</c>; the provider signs its requests, so no antiforgery token applies.</summary>
    public static IEndpointConventionBuilder MapStudioWebhooks(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Path, (HttpRequest request, WebhookReceiver receiver, CancellationToken cancellationToken) =>
                receiver.ReceiveAsync(request, cancellationToken))
            .DisableAntiforgery()
            // The signature is the authentication: the studio's sign-in does not apply.
            .AllowAnonymous()
            .WithName("OpenAiWebhook");
}
