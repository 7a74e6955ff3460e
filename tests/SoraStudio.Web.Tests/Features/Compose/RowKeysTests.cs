using SoraStudio.Core.Spec;
using SoraStudio.Web.Features.Compose;

namespace SoraStudio.Web.Tests.Features.Compose;

public class RowKeysTests
{
    static readonly ValueList<string> Abc = ["a", "b", "c"];

    [Fact]
    public void AMovedRowKeepsItsKeyOnceTheParentPassesTheListBack()
    {
        var keys = new RowKeys<string>();
        keys.Sync(Abc);
        var (a, b, c) = (keys[0], keys[1], keys[2]);

        var moved = keys.Moved(Abc.Move(2, 0), 2, 0);
        Assert.Equal([a, b, c], keys.All);

        Assert.True(keys.Sync(moved));
        Assert.Equal([c, a, b], keys.All);
    }

    [Fact]
    public void AddedAndRemovedRowsLeaveTheOtherKeysAlone()
    {
        var keys = new RowKeys<string>();
        keys.Sync(Abc);
        var (a, c) = (keys[0], keys[2]);

        keys.Sync(keys.Removed(Abc.RemoveAt(1), 1));
        Assert.Equal([a, c], keys.All);

        keys.Sync(keys.Added(Abc.RemoveAt(1).Add("d")));
        Assert.Equal(3, keys.All.Distinct().Count());
        Assert.Equal([a, c], keys.All.Take(2));
    }

    [Fact]
    public void AListFromElsewhereGetsFreshKeys()
    {
        var keys = new RowKeys<string>();
        keys.Sync(Abc);
        var before = keys.All.ToList();

        Assert.False(keys.Sync(["x", "y", "z"]));
        Assert.Empty(keys.All.Intersect(before));
    }
}
