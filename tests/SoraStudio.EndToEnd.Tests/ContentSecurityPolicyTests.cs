using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SoraStudio.Core.Spec;
using SoraStudio.EndToEnd.Tests.Gallery;
using SoraStudio.Web.Features.Projects;
using SoraStudio.Web.Features.Shots;
using SoraStudio.Web.Features.Takes;

namespace SoraStudio.EndToEnd.Tests;

/// <summary>
/// Every page under the studio's Content-Security-Policy: served with it, interactive, and not one violation (the base
/// class fails the test on the console error a violation also logs).
/// </summary>
public class ContentSecurityPolicyTests(BrowserFixture fixture) : StudioPageTest(fixture)
{
    [Fact]
    public async Task EveryPageRunsUnderThePolicyWithoutAViolation()
    {
        long projectId, shotId, takeId;
        await using (var scope = await Server.ScopeAsAsync())
        {
            var services = scope.ServiceProvider;
            projectId = await services.GetRequiredService<ProjectService>().CreateAsync(new ProjectInput($"Policy {Guid.NewGuid():N}"[..14]));
            shotId = await services.GetRequiredService<ShotService>().AddAsync(projectId, "Harbour", ShotSpec.Empty with
            {
                Model = "sora-2", Size = "1280x720", Seconds = 4, Scene = "Fog rolls over the harbour at dawn.",
            });
            takeId = (await services.GetRequiredService<GenerationService>().GenerateAsync(shotId, requestedBy: "e2e")).Single();
            await GalleryFlowTests.WaitReadyAsync(Server, takeId);
        }
        await Page.AddInitScriptAsync("""
            window.__violations = [];
            document.addEventListener('securitypolicyviolation', e => window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.target && e.target.outerHTML ? e.target.outerHTML.slice(0, 300) : ""}`));
            """);
        await SignInAsync();

        foreach (var path in new[]
        {
            "/projects", $"/projects/{projectId}", $"/projects/{projectId}/timeline", $"/projects/{projectId}/gallery", "/gallery",
            $"/takes/{takeId}", $"/projects/{projectId}/members", $"/projects/{projectId}/activity", "/review", "/settings",
            "/account/tokens", "/import", "/compose/playground", $"/projects/{projectId}/shots/{shotId}",
        })
        {
            var response = await Page.GotoAsync(path);
            Assert.Contains("script-src 'self'", await response!.HeaderValueAsync("content-security-policy") ?? "");
            await Page.WaitForFunctionAsync("() => window.Blazor && document.querySelector('[data-interactive]') !== null", null, new() { Timeout = 15_000 });
        }

        // Interactive under the policy: typing on the shot page reaches the server and comes back in the prompt.
        await Page.GetByLabel("Style", new() { Exact = true }).FillAsync("policy-proof grain");
        await Assertions.Expect(Page.GetByLabel("Prompt text")).ToContainTextAsync("policy-proof grain");
        // The reconnect dialog's buttons are wired by its module script, not inline handlers the policy would block.
        await Page.EvaluateAsync("() => { window.Blazor.reconnect = () => { window.__retried = true; return Promise.resolve(true); }; const modal = document.getElementById('components-reconnect-modal'); modal.showModal(); modal.classList.add('components-reconnect-failed'); }");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync();
        await Page.WaitForFunctionAsync("() => window.__retried === true");

        var violations = await Page.EvaluateAsync<string[]>("() => window.__violations");
        Assert.True(violations.Length == 0, string.Join("\n", violations.Distinct()));
    }

    [Fact]
    public async Task TheSignInPageWorksUnderThePolicyAndAnInjectedHandlerDoesNotRun()
    {
        ExpectBrowserError("Executing inline event handler violates");
        var response = await Page.GotoAsync("/account/login");

        Assert.Contains("frame-ancestors 'none'", await response!.HeaderValueAsync("content-security-policy") ?? "");
        Assert.Equal("nosniff", await response.HeaderValueAsync("x-content-type-options"));
        // Markup that slipped into a page could not run: the policy blocks an inline handler it has no hash for.
        await Page.EvaluateAsync("() => document.body.insertAdjacentHTML('beforeend', '<img alt=\"\" src=\"data:,\" onerror=\"window.__injected = true\">')");
        await Page.WaitForTimeoutAsync(300);
        Assert.False(await Page.EvaluateAsync<bool>("() => window.__injected === true"));
        await SignInAsync();
        await OpenAsync("/review");
        await Assertions.Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "Account" })).ToContainTextAsync(StudioServer.OwnerName);
    }
}
