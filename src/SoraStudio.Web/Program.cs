using SoraStudio.Web;
using SoraStudio.Web.Operations;

// Command-line verbs (backup, restore) run instead of the web app.
if (StudioCommands.IsCommand(args))
{
    Environment.ExitCode = await StudioCommands.RunAsync(args);
    return;
}

// The studio as every host builds it (StudioComposition): services, then middleware and endpoints.
var builder = WebApplication.CreateBuilder(args);
builder.AddStudio();

var app = builder.Build();
app.MapStudio();

app.Run();

public partial class Program;
