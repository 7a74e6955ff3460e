using System.Security.Cryptography;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features;
using SoraStudio.Web.Features.Assets;
using SoraStudio.Web.Storage;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Assets;

public sealed class AssetServiceTests
{
    [Fact]
    public async Task AnImageIsStoredByItsHashWithItsDimensions()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var projectId = await Seed.ProjectAsync(studio);
        var png = TestImages.Png(1280, 720);

        var asset = await studio.Get<AssetService>().AddAsync(projectId, new AssetUpload("Keeper", AssetKind.Character, "keeper.png", "image/png", new MemoryStream(png)));

        Assert.Equal((1280, 720, png.Length), (asset.Width, asset.Height, (int)asset.Bytes));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(png)), asset.Sha256);
        Assert.Equal(png, File.ReadAllBytes(studio.Get<ClipStore>().GetFullPath(asset.RelativePath)));
        Assert.Equal([asset.Id], (await studio.Get<AssetService>().ListAsync(projectId, AssetKind.Character)).Select(a => a.Id));
        Assert.Empty(await studio.Get<AssetService>().ListAsync(projectId, AssetKind.Setting));
    }

    [Theory]
    [InlineData("image/gif", "contentType")]
    [InlineData("image/png", "content")]
    public async Task WhatIsNotAReadableReferenceImageIsRefusedAndNothingIsStored(string contentType, string field)
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var projectId = await Seed.ProjectAsync(studio);

        var error = await Assert.ThrowsAsync<StudioException>(() => studio.Get<AssetService>().AddAsync(projectId,
            new AssetUpload("Notes", AssetKind.Style, "notes.png", contentType, new MemoryStream("not an image"u8.ToArray()))));

        Assert.Equal(StudioErrorKind.Invalid, error.Kind);
        Assert.Contains(field, error.Errors.Keys);
        var root = studio.Get<ClipStore>().Root;
        Assert.False(Directory.Exists(root) && Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Any());
        Assert.Empty(await studio.Get<AssetService>().ListAsync(projectId));
    }

    [Fact]
    public async Task AnAssetNeedsAnExistingProject()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);

        var error = await Assert.ThrowsAsync<StudioException>(() => studio.Get<AssetService>().AddAsync(5,
            new AssetUpload("Keeper", AssetKind.Character, "keeper.png", "image/png", new MemoryStream(TestImages.Png(8, 8)))));

        Assert.Equal(StudioErrorKind.NotFound, error.Kind);
    }
}
