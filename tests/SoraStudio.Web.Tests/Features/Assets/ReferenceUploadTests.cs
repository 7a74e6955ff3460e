using Microsoft.AspNetCore.Components.Forms;
using SoraStudio.Web.Features.Assets;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Assets;

public class ReferenceUploadTests : PageTestContext
{
    async Task<(IRenderedComponent<ReferenceUpload> Cut, List<AssetInfo> Uploaded, long ProjectId)> RenderAsync()
    {
        var projectId = await Seed.ProjectAsync(Host);
        var uploaded = new List<AssetInfo>();
        var cut = Render<ReferenceUpload>(p => p.Add(c => c.ProjectId, projectId).Add(c => c.OnUploaded, a => uploaded.Add(a)));
        return (cut, uploaded, projectId);
    }

    [Fact]
    public async Task APngIsStoredWithTheSizeReadFromItsContent()
    {
        var (cut, uploaded, projectId) = await RenderAsync();

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(TestImages.Png(1280, 720), "harbour.png", contentType: "image/png"));

        cut.WaitForAssertion(() => Assert.Single(uploaded));
        Assert.Equal(("harbour", 1280, 720, "image/png"), (uploaded[0].Name, uploaded[0].Width, uploaded[0].Height, uploaded[0].ContentType));
        Assert.Single(await Host.Get<AssetService>().ListAsync(projectId));
    }

    [Fact]
    public async Task AFileThatIsNotAnImageIsRefusedWhateverItsNameAndNothingIsStored()
    {
        var (cut, uploaded, projectId) = await RenderAsync();

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("GIF89a not really", "sneaky.png", contentType: "image/png"));

        cut.WaitForAssertion(() => Assert.Contains("“sneaky.png” is not a JPEG, PNG or WebP image", cut.Find("[role=alert]").TextContent));
        Assert.Empty(uploaded);
        Assert.Empty(await Host.Get<AssetService>().ListAsync(projectId));
    }

    [Fact]
    public async Task AFileOverTwentyMegabytesIsRefusedBeforeItIsRead()
    {
        var (cut, uploaded, projectId) = await RenderAsync();
        var big = new byte[AssetService.MaxBytes + 1];
        TestImages.Png(16, 16).CopyTo(big, 0);

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(big, "huge.png", contentType: "image/png"));

        cut.WaitForAssertion(() => Assert.Contains("a reference image can be at most 20 MB", cut.Find("[role=alert]").TextContent));
        Assert.Empty(uploaded);
        Assert.Empty(await Host.Get<AssetService>().ListAsync(projectId));
    }
}
