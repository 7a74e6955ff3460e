using Microsoft.JSInterop;

namespace SoraStudio.Web.Components;

/// <summary>One of the app's ES modules under wwwroot/js, imported on first use.</summary>
public sealed class JsModule(IJSRuntime js, string path) : IAsyncDisposable
{
    private Task<IJSObjectReference>? _module;

    public async ValueTask InvokeVoidAsync(string identifier, params object?[] args) =>
        await (await Module()).InvokeVoidAsync(identifier, args);

    public async ValueTask<T> InvokeAsync<T>(string identifier, params object?[] args) =>
        await (await Module()).InvokeAsync<T>(identifier, args);

    private Task<IJSObjectReference> Module() =>
        _module ??= js.InvokeAsync<IJSObjectReference>("import", path).AsTask();

    public async ValueTask DisposeAsync()
    {
        if (_module is not { IsCompletedSuccessfully: true } module) return;
        try { await module.Result.DisposeAsync(); }
        catch (JSDisconnectedException) { } // the circuit is gone, and the module with it
    }
}
