using SoraStudio.Web.Features.Gallery;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Gallery;

public sealed class TakeDiffTests
{
    [Fact]
    public void OnlyTheFieldsThatDifferAreListedWithBothValues()
    {
        var before = Seed.Spec();
        var after = before with { Seconds = 8, Style = "16mm black-and-white" };

        var changes = TakeDiff.Fields(before, after);

        Assert.Equal(
            [new FieldChange("seconds", "4", "8"), new FieldChange("style", "35 mm film, warm tungsten light", "16mm black-and-white")],
            changes.OrderBy(c => c.Field));
    }

    [Fact]
    public void AFieldThatAppearsOrDisappearsShowsAsEmptyOnTheOtherSide()
    {
        var before = Seed.Spec();
        var after = before with { Scene = "" };

        var change = Assert.Single(TakeDiff.Fields(before, after));

        Assert.Equal(("scene", ""), (change.Field, change.After));
        Assert.Empty(TakeDiff.Fields(before, before));
    }

    [Fact]
    public void ThePromptDiffKeepsCommonLinesAndMarksRemovedAndAddedOnes()
    {
        var lines = TakeDiff.Lines("Style: film\n\nA keeper climbs.\nLens: 35mm", "Style: film\n\nA keeper climbs.\nLens: 85mm\nRain.");

        Assert.Equal(
        [
            new DiffLine(LineChange.Same, "Style: film"), new DiffLine(LineChange.Same, ""), new DiffLine(LineChange.Same, "A keeper climbs."),
            new DiffLine(LineChange.Removed, "Lens: 35mm"), new DiffLine(LineChange.Added, "Lens: 85mm"), new DiffLine(LineChange.Added, "Rain."),
        ], lines);
        Assert.Equal([new DiffLine(LineChange.Added, "x")], TakeDiff.Lines("", "x"));
    }

    [Fact]
    public void TheLineageBuildsTreesWithOrphansAsRoots()
    {
        var roots = ShotLineage.Build(
        [
            GalleryComponentTests.Card(3, parent: 1, minutes: 2),
            GalleryComponentTests.Card(1),
            GalleryComponentTests.Card(2, parent: 1, minutes: 1),
            GalleryComponentTests.Card(9, parent: 99, minutes: 5),
        ]);

        Assert.Equal([1L, 9L], roots.Select(r => r.Take.TakeId));
        Assert.Equal([2L, 3L], roots[0].Children.Select(c => c.Take.TakeId));
        Assert.Equal([1L, 2L, 3L], roots[0].SelfAndDescendants().Select(n => n.Take.TakeId));
    }
}
