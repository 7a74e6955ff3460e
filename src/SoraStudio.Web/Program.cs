using SoraStudio.Web.Components;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features;
using SoraStudio.Web.Features.Accounts;
using SoraStudio.Web.Features.Settings;
using SoraStudio.Web.Features.Media;
using SoraStudio.Web.Generation;
using SoraStudio.Web.Storage;
using Radzen;

var builder = WebApplication.CreateBuilder(args);

// Blazor Server with Radzen components.
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddRadzenComponents();

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

// Accounts, roles per project (every endpoint needs a signed-in user unless it says otherwise), review and settings.
builder.Services.AddStudioAccounts();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapStudioVideosBackend();
app.MapStudioWebhooks();
app.MapStudioAccounts();
app.MapStudioMedia();

app.Run();

public partial class Program;
