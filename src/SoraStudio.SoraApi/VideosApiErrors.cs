using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using SoraStudio.SoraApi.Http;

namespace SoraStudio.SoraApi;

/// <summary>Turns failed responses and transport faults into <see cref="VideosApiException"/>s of the right kind.</summary>
internal sealed class VideosApiErrors(TimeProvider timeProvider, string? apiKey)
{
    private const int MaxErrorBodyBytes = 64 * 1024;
    private const int MaxQuotedBodyChars = 300;

    public async Task<VideosApiException> FromResponseAsync(ApiCall call, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = response.StatusCode;
        var body = await ReadBodyAsync(response, cancellationToken);
        var error = ParseEnvelope(body);
        var detail = error?.Message is { Length: > 0 } message ? message : Quote(body) ?? response.ReasonPhrase ?? "no details";
        var kind = Classify(status, error);
        var outcomeUnknown = call.Paid && !ProvesNothingWasCreated(status);
        var text = $"{call.Name} failed: HTTP {(int)status} {status}{(error?.Code is { } code ? $" ({code})" : "")}: {detail}";
        if (outcomeUnknown)
        {
            text += " The video may have been created: reconcile before submitting again.";
        }
        return new VideosApiException(
            outcomeUnknown ? ApiErrorKind.OutcomeUnknown : kind,
            Redact(text),
            status,
            error?.Type,
            error?.Code,
            error?.Param,
            RequestId(response),
            RetryAfterHeader.Parse(response.Headers, timeProvider.GetUtcNow()));
    }

    /// <summary>A transport fault or a timeout: <see cref="ApiErrorKind.Network"/>, or for a paid call whose request may have arrived, <see cref="ApiErrorKind.OutcomeUnknown"/>.</summary>
    public VideosApiException FromTransportFault(ApiCall call, Exception fault, bool timedOut, HttpStatusCode? status = null)
    {
        var what = timedOut ? "timed out" : $"failed in transport ({fault.GetType().Name}: {fault.Message})";
        if (call.Paid && !NeverReachedServer(fault))
        {
            return new VideosApiException(
                ApiErrorKind.OutcomeUnknown,
                Redact($"{call.Name} {what}. The video may have been created: reconcile before submitting again."),
                status,
                innerException: fault);
        }
        return new VideosApiException(ApiErrorKind.Network, Redact($"{call.Name} {what}."), status, innerException: fault);
    }

    /// <summary>A 2xx whose body is missing or not the expected JSON.</summary>
    public VideosApiException Malformed(ApiCall call, HttpResponseMessage response, Exception? fault)
    {
        var paid = call.Paid;
        var text = $"{call.Name} returned HTTP {(int)response.StatusCode} with a body that is not the expected JSON"
            + (fault is null ? "." : $" ({fault.Message}).")
            + (paid ? " The video may have been created: reconcile before submitting again." : "");
        return new VideosApiException(
            paid ? ApiErrorKind.OutcomeUnknown : ApiErrorKind.Server,
            Redact(text),
            response.StatusCode,
            requestId: RequestId(response),
            innerException: fault);
    }

    public string Redact(string text) =>
        string.IsNullOrEmpty(apiKey) ? text : text.Replace(apiKey, "[redacted]", StringComparison.Ordinal);

    internal static ApiErrorKind Classify(HttpStatusCode status, ErrorBody? error) => (int)status switch
    {
        429 when error?.Code == "insufficient_quota" || Mentions(error, "exceeded your current quota") => ApiErrorKind.QuotaExceeded,
        429 when error?.Type == "video_generation_user_error" || Mentions(error, "too many running tasks") => ApiErrorKind.ConcurrencyCap,
        429 => ApiErrorKind.RateLimited,
        400 or 422 => ApiErrorKind.InvalidRequest,
        401 => ApiErrorKind.Authentication,
        403 => ApiErrorKind.PermissionDenied,
        404 or 410 => ApiErrorKind.NotFound,
        408 or >= 500 => ApiErrorKind.Server,
        >= 400 => ApiErrorKind.InvalidRequest,
        _ => ApiErrorKind.Server,
    };

    /// <summary>A 4xx (other than 408) is the server refusing the request: nothing was created.</summary>
    private static bool ProvesNothingWasCreated(HttpStatusCode status) => (int)status is >= 400 and < 500 and not 408;

    /// <summary>True only where the request provably never reached a server: the connection was refused, or the host never resolved.</summary>
    internal static bool NeverReachedServer(Exception? fault) => IsConnectionRefused(fault)
        || (fault is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError });

    internal static bool IsConnectionRefused(Exception? fault)
    {
        for (var e = fault; e is not null; e = e.InnerException)
        {
            if (e is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
            {
                return true;
            }
        }
        return false;
    }

    private static bool Mentions(ErrorBody? error, string phrase) =>
        error?.Message?.Contains(phrase, StringComparison.OrdinalIgnoreCase) == true;

    private static string? RequestId(HttpResponseMessage response) =>
        response.Headers.NonValidated.TryGetValues("x-request-id", out var values) ? values.FirstOrDefault() : null;

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[MaxErrorBodyBytes];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
            {
                length += read;
            }
            return Encoding.UTF8.GetString(buffer, 0, length);
        }
        catch (Exception e) when (e is IOException or HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The status already says what happened; a body cut short only costs the details.
            return "";
        }
    }

    private static ErrorBody? ParseEnvelope(string body)
    {
        if (!body.TrimStart().StartsWith('{'))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize(body, VideosApiJsonContext.Default.ErrorEnvelope)?.Error;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Quote(string body)
    {
        var text = body.Trim();
        if (text.Length == 0)
        {
            return null;
        }
        var quoted = string.Concat(text.Take(MaxQuotedBodyChars).Select(c => char.IsControl(c) ? ' ' : c));
        return text.Length > MaxQuotedBodyChars ? quoted + "…" : quoted;
    }
}
