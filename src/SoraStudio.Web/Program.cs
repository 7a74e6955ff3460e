using SoraStudio.Web.Components;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features;
using SoraStudio.Web.Features.Assets;
using SoraStudio.Web.Features.Export;
using SoraStudio.Web.Features.Api;
using SoraStudio.Web.Features.Accounts;
using SoraStudio.Web.Features.Accounts.Tokens;
using SoraStudio.Web.Features.Settings;
using SoraStudio.Web.Features.Media;
using SoraStudio.Web.Generation;
using SoraStudio.Web.Operations;
using SoraStudio.Web.Security;
using SoraStudio.Web.Storage;
using Radzen;

// Command-line verbs (backup, restore) run instead of the web app.
if (StudioCommands.IsCommand(args))
{
    Environment.ExitCode = await StudioCommands.RunAsync(args);
    return;
}

var builder = WebApplication.CreateBuilder(args);

// Blazor Server with Radzen components.
builder.Services.AddRazorComponents().AddInteractiveServerComponents()
    // A composer field holds up to a whole prompt's 32,000 characters, sent whole on every keystroke (FieldLimits).
    .AddHubOptions(hub => hub.MaximumReceiveMessageSize = SoraStudio.Web.Features.Compose.FieldLimits.MaxMessageBytes);
builder.Services.AddRadzenComponents();
// What the app shell shows about the current page (project, breadcrumbs), one per circuit.
builder.Services.AddScoped<SoraStudio.Web.Components.Layout.ShellState>();

// SQLite (migrated at start) and the content-addressed clip store, under Studio:DataPath (./data).
builder.Services.AddStudioData();
builder.Services.AddStudioStorage();

// The Videos API settings the owner saved on the settings page, over the configuration's.
builder.Configuration.AddStudioStoredSettings(builder.Environment);

// The Videos API: the configured endpoint with an API key, else the emulator mounted in this app at /v1.
builder.Services.AddStudioVideosBackend(builder.Configuration);

// The generation worker and webhook receiver, and the services the UI and the automation API share.
builder.Services.AddStudioGeneration();
builder.Services.AddStudioFeatures(builder.Configuration);

// Health checks: /health/live, /health/ready (database, clip store, Videos API provider).
builder.Services.AddStudioHealth();
builder.Services.AddStudioDiagnostics();

// The automation API under /api/v1 and its OpenAPI document at /openapi/v1.json.
builder.Services.AddStudioApi();
// Accounts, roles per project (every endpoint needs a signed-in user unless it says otherwise), review and settings.
builder.Services.AddStudioAccounts();
// Personal access tokens (/account/tokens) and the bearer scheme the automation API requires.
builder.Services.AddStudioApiTokens();

var app = builder.Build();

// nosniff on every answer, the Content-Security-Policy on pages, Connection: close on a 413.
app.UseStudioHttpHardening();
app.UseStudioRequestIds();

if (!app.Environment.IsDevelopment())
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseStudioApiProblems();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapStudioVideosBackend();
app.MapStudioWebhooks();
app.MapStudioAccounts();
app.MapStudioMedia();
app.MapStudioAssets();
app.MapStudioExport();
app.MapStudioHealth();
app.MapStudioApi();

app.Run();

public partial class Program;
