namespace SoraStudio.SoraApi.Http;

/// <summary>What <see cref="ApiPolicyHandler"/> enforces for one API: where its credentials may go, how long an attempt may take, how it retries.</summary>
internal sealed record ApiPolicy
{
    /// <summary>The API's root; its scheme, host and port are the only origin the credentials are sent to.</summary>
    public required Uri BaseUri { get; init; }

    /// <summary>Headers that carry credentials (name, value): attached by the handler, never logged, the secret redacted from messages.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Credentials { get; init; }

    /// <summary>Redacted from every message the handler makes.</summary>
    public string? Secret { get; init; }

    /// <summary>Per attempt: a buffered call until its last byte, a streamed one until its headers.</summary>
    public required TimeSpan Timeout { get; init; }

    public required int MaxRetries { get; init; }
    public required TimeSpan BaseDelay { get; init; }
    public required TimeSpan MaxDelay { get; init; }
    public required TimeSpan MaxRetryAfter { get; init; }

    public bool IsOwnOrigin(Uri? uri) => uri is { IsAbsoluteUri: true }
        && Uri.Compare(uri, BaseUri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}
