using System.Net;
using Microsoft.Extensions.Logging;
using Polly;

namespace SoraStudio.SoraApi.Http;

/// <summary>
/// The studio's rules for calling a video API, as one handler in the HttpClient pipeline under a Refit client:
/// credentials only ever sent to the API's own origin (the handler follows a read's redirects itself, so they never
/// leave with one), a time limit per attempt, every failure classed as a <see cref="VideosApiException"/> with the key
/// redacted, and retries — reads on 408/429/5xx and network faults, paid calls (<see cref="ApiCallAttribute.Paid"/>)
/// only where the failure proves nothing was created. It knows a call by the <see cref="ApiCallAttribute"/> of the
/// Refit method that made it, so any Refit interface can sit on it.
/// </summary>
internal sealed class ApiPolicyHandler : DelegatingHandler
{
    private const int MaxRedirects = 5;

    private readonly ApiPolicy _policy;
    private readonly VideosApiErrors _errors;
    private readonly ResiliencePipeline _reads;
    private readonly ResiliencePipeline _paid;

    /// <param name="timeProvider">Drives the waits between retries (tests pass one that does not wait).</param>
    public ApiPolicyHandler(ApiPolicy policy, TimeProvider timeProvider, ILogger<ApiPolicyHandler> logger)
    {
        _policy = policy;
        _errors = new VideosApiErrors(timeProvider, policy.Secret);
        _reads = ApiRetries.Build(policy, paid: false, timeProvider, logger);
        _paid = ApiRetries.Build(policy, paid: true, timeProvider, logger);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = ApiCall.Of(request);
        return (call.Paid ? _paid : _reads).ExecuteAsync(
            static (state, token) => state.self.AttemptAsync(state.request, state.call, token),
            (self: this, request, call),
            cancellationToken).AsTask();
    }

    private async ValueTask<HttpResponseMessage> AttemptAsync(HttpRequestMessage request, ApiCall call, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_policy.Timeout);
        HttpResponseMessage? response = null;
        try
        {
            response = await SendFollowingRedirectsAsync(request, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw await _errors.FromResponseAsync(call, response, timeout.Token);
            }
            if (!call.Streamed)
            {
                // Read within the attempt's time limit, so a body cut short is a fault of this attempt.
                await response.Content.LoadIntoBufferAsync(timeout.Token);
                if (response.Content.Headers.ContentLength == 0)
                {
                    throw _errors.Malformed(call, response, null);
                }
            }
            return response;
        }
        catch (Exception e) when (e is not VideosApiException && !cancellationToken.IsCancellationRequested)
        {
            response?.Dispose();
            throw _errors.FromTransportFault(call, e, timedOut: timeout.IsCancellationRequested, response?.StatusCode);
        }
        catch
        {
            response?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Sends a fresh copy of the request (a retry sends the same content again), and for a read follows up to
    /// <see cref="MaxRedirects"/> redirects, with credentials only on hops to the API's origin.
    /// </summary>
    private async Task<HttpResponseMessage> SendFollowingRedirectsAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = request.RequestUri!;
        var response = await base.SendAsync(Copy(request, target), cancellationToken);
        var isRead = request.Method == HttpMethod.Get || request.Method == HttpMethod.Head;
        for (var hops = 0; isRead && hops < MaxRedirects && RedirectTarget(response, target) is { } next; hops++)
        {
            response.Dispose();
            target = next;
            response = await base.SendAsync(Copy(request, target), cancellationToken);
        }
        return response;
    }

    private HttpRequestMessage Copy(HttpRequestMessage request, Uri target)
    {
        var copy = new HttpRequestMessage(request.Method, target)
        {
            Content = request.Content,
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
        };
        foreach (var (name, values) in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(name, values);
        }
        foreach (var (name, value) in request.Options)
        {
            copy.Options.Set(new HttpRequestOptionsKey<object?>(name), value);
        }
        foreach (var (name, _) in _policy.Credentials)
        {
            copy.Headers.Remove(name);
        }
        if (_policy.IsOwnOrigin(target))
        {
            foreach (var (name, value) in _policy.Credentials)
            {
                copy.Headers.TryAddWithoutValidation(name, value);
            }
        }
        return copy;
    }

    private static Uri? RedirectTarget(HttpResponseMessage response, Uri from) =>
        response.StatusCode is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect
        && response.Headers.Location is { } location
            ? location.IsAbsoluteUri ? location : new Uri(from, location)
            : null;
}
