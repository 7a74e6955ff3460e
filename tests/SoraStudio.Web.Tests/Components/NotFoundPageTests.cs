using Radzen;
using SoraStudio.Web.Components.Pages;

namespace SoraStudio.Web.Tests.Components;

public class NotFoundPageTests : BunitContext
{
    [Fact]
    public void OffersAWayBackToTheStudio()
    {
        Services.AddRadzenComponents();

        var page = Render<NotFound>();

        Assert.Equal("Not found", page.Find("h1").TextContent);
        var link = page.Find("a");
        Assert.Contains("Back to the studio", link.TextContent);
        Assert.Equal("/", link.GetAttribute("href"));
    }
}
