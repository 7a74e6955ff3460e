using System.Collections.Concurrent;
using System.Reflection;
using Refit;

namespace SoraStudio.SoraApi.Http;

/// <summary>The <see cref="ApiCallAttribute"/> of the Refit method that made a request, found through the options Refit sets on it.</summary>
internal sealed record ApiCall(string Name, bool Paid, bool Streamed)
{
    private static readonly HttpRequestOptionsKey<Type> InterfaceKey = new(HttpRequestMessageOptions.InterfaceType);
    private static readonly HttpRequestOptionsKey<string> MethodKey = new(HttpRequestMessageOptions.MethodName);
    private static readonly ConcurrentDictionary<(Type Interface, string Method), ApiCall?> Declared = new();

    public static ApiCall Of(HttpRequestMessage request)
    {
        if (request.Options.TryGetValue(InterfaceKey, out var api) && request.Options.TryGetValue(MethodKey, out var method)
            && Declared.GetOrAdd((api, method), static key => FromAttribute(key.Interface, key.Method)) is { } call)
        {
            return call;
        }
        // Not from a declared Refit method: anything but a read is treated as paid, so it is never retried blindly.
        var isRead = request.Method == HttpMethod.Get || request.Method == HttpMethod.Head;
        return new ApiCall($"{request.Method} {request.RequestUri?.AbsolutePath}", Paid: !isRead, Streamed: false);
    }

    private static ApiCall? FromAttribute(Type api, string method) =>
        api.GetMethod(method)?.GetCustomAttribute<ApiCallAttribute>() is { } declared
            ? new ApiCall(declared.Name, declared.Paid, declared.Streamed)
            : null;
}
